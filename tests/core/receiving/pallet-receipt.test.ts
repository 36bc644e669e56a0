import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationDeviceLayer } from '../../../electron/core/devices/station-adapter';
import { createMasterDataWriter } from '../../../electron/core/storage/master-data';
import { demo } from '../../../shared/demo/dataset';
import type { SiteSettings } from '../../../shared/domain/master-data';
import { english } from '../../support/english';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { type BenchHardware, stationsOnBenchHardware } from './support/bench-devices';
import { act, gs1Date, gtins, line, onReceiving, opsOf, outboxOps, scan, snapshot, view } from './support/receiving';

const PALLET = demo.asnPallet;

const journalKinds = (t: TestStation, kind: string) =>
  (t.db.prepare('SELECT payload FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { payload: string }[]).map(
    (r) => JSON.parse(r.payload) as Record<string, unknown>,
  );

function setSite(t: TestStation, change: Partial<SiteSettings>): void {
  createMasterDataWriter(t.db).siteSettings({ ...t.dataset.site, ...change });
}

describe('one-scan pallet receipt against the ASN, weighed on a real MT-SICS scale', () => {
  let bench: BenchHardware;
  let devices: StationDeviceLayer;
  let t: TestStation;
  stationsOnBenchHardware(onReceiving, (b, d, station) => {
    bench = b;
    devices = d;
    t = station;
  });

  it('receives every ASN line of the pallet once, one receipt.line op each, when its weight is within tolerance', async () => {
    const offer = await scan(t, `00${PALLET}`);
    expect(offer).toMatchObject({ outcome: 'needs_input', reason: 'pallet_offer' });
    expect(english(offer.message)).toContain('524 units');
    expect((await view(t)).pallet).toMatchObject({ stage: 'offer', expectedKg: 38.5, lines: [{ qty: 24, lot: 'L2411A' }, { qty: 500 }] });
    expect(opsOf(t, 'receipt.line')).toHaveLength(0);

    // 0.4 kg under the ASN's 38.5 kg: inside the demo site's 2 % / 1 kg.
    await bench.putOnScale(devices, 38.1);
    const received = await scan(t, `00${PALLET}`);
    expect(received).toMatchObject({ outcome: 'accepted', sound: 'good' });
    expect(english(received.message)).toContain('received whole');

    const ops = opsOf(t, 'receipt.line');
    expect(ops.map((o) => o.payload)).toEqual([
      expect.objectContaining({
        poId: demo.po,
        asnId: demo.asn,
        poLineNo: 1,
        itemId: demo.items.yoghurt,
        qty: 24,
        lot: 'L2411A',
        lpn: PALLET,
      }),
      expect.objectContaining({ poId: demo.po, asnId: demo.asn, poLineNo: 2, itemId: demo.items.bolt, qty: 500, lot: null, lpn: PALLET }),
    ]);
    expect(new Set(ops.map((o) => o.opId)).size).toBe(2);
    expect(journalKinds(t, 'receiving.line')).toHaveLength(2);
    const lines = t.db.prepare('SELECT op_id, scan_id, qty FROM receipt_lines ORDER BY id').all() as { op_id: string; scan_id: string }[];
    expect(lines.map((l) => l.op_id)).toEqual(ops.map((o) => o.opId));
    expect(new Set(lines.map((l) => l.scan_id)).size).toBe(1);
    const v = await view(t);
    expect([line(v, 1).received, line(v, 2).received]).toEqual([24, 500]);
    expect(v.pallet).toBeNull();
    expect(v.lpns.find((p) => p.lpn === PALLET)).toMatchObject({ weightKg: 38.1, asnWeightKg: 38.5 });

    // Once only: confirming again receives nothing more; undo takes the whole pallet back.
    const before = snapshot(t);
    expect(await act(t, 'receiving.pallet.receive', { sscc: PALLET })).toMatchObject({
      feedback: { outcome: 'refused', reason: 'no_pallet_offer' },
    });
    expect(snapshot(t)).toEqual(before);
    await act(t, 'receiving.undo');
    expect(opsOf(t, 'receipt.undo').map((o) => o.payload.undoesOpId)).toEqual(ops.map((o) => o.opId));
  });

  it('asks for a counted sample when the weight is off, and receives the pallet once the sample matches', async () => {
    await scan(t, `00${PALLET}`);
    await bench.putOnScale(devices, 44.2);
    const before = snapshot(t);
    const ask = await act(t, 'receiving.pallet.receive', {});
    expect(ask.feedback).toMatchObject({ outcome: 'needs_input', reason: 'pallet_sample' });
    expect(english(ask.feedback.message)).toContain('44.2 kg');
    expect(english(ask.feedback.message)).toContain('2 cases');
    expect(ask.receipt?.pallet).toMatchObject({ stage: 'sample', weighedKg: 44.2, sample: { by: 'cases', needed: 2, counted: 0 } });
    expect(snapshot(t)).toEqual(before);

    const first = await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 30)}10L2411A`);
    expect(first).toMatchObject({ outcome: 'needs_input', reason: 'pallet_sample' });
    expect(english(first.message)).toContain('1 of 2');
    expect(snapshot(t)).toEqual(before);
    const second = await scan(t, gtins.bolt.case);
    expect(second).toMatchObject({ outcome: 'accepted' });
    expect(english(second.message)).toContain('sample matches');
    expect(opsOf(t, 'receipt.line').map((o) => [o.payload.itemId, o.payload.qty])).toEqual([
      [demo.items.yoghurt, 24],
      [demo.items.bolt, 500],
    ]);
    expect(journalKinds(t, 'receiving.pallet.sample')[0]).toMatchObject({ why: 'weight', weightKg: 44.2, expectedKg: 38.5 });
  });

  it('samples the pallet of a supplier the site audits, whatever it weighs', async () => {
    setSite(t, { suppliers: [{ id: 'SUP-NORDIC', name: 'Nordic Supply AB', audit: true }] });
    await scan(t, `00${PALLET}`);
    await bench.putOnScale(devices, 38.5);
    const ask = await scan(t, `00${PALLET}`);
    expect(ask).toMatchObject({ outcome: 'needs_input', reason: 'pallet_sample' });
    expect(english(ask.message)).toContain('audits Nordic Supply AB');
    expect(opsOf(t, 'receipt.line')).toHaveLength(0);
  });

  it('takes a sample in percent of the units when the site says so, and ends the offer on goods the pallet does not carry', async () => {
    setSite(t, { palletReceipt: { weightTolerancePct: 2, weightToleranceKg: 1, sample: { kind: 'percent', pct: 5 } } });
    await scan(t, `00${PALLET}`);
    await bench.putOnScale(devices, 20);
    const ask = await act(t, 'receiving.pallet.receive', {});
    expect(ask.receipt?.pallet?.sample).toEqual({ by: 'units', needed: 27, counted: 0 });
    const before = snapshot(t);
    const wrong = await scan(t, gtins.mug.unit);
    expect(wrong).toMatchObject({ outcome: 'refused', reason: 'sample_mismatch', sound: 'bad' });
    expect(snapshot(t)).toEqual(before);
    expect((await view(t)).pallet).toBeNull();
    // From now on the pallet is received unit by unit, as any scan.
    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'accepted' });
  });

  it('refuses the whole pallet, changing nothing, when one of its lines would pass the PO', async () => {
    await scan(t, 'PO-1001');
    await act(t, 'receiving.receive', { itemId: demo.items.bolt, qty: 30 });
    await scan(t, `00${PALLET}`);
    await bench.putOnScale(devices, 38.5);
    const before = snapshot(t);
    const refused = await act(t, 'receiving.pallet.receive', {});
    expect(refused.feedback).toMatchObject({ outcome: 'refused', reason: 'pallet_not_whole' });
    expect(snapshot(t)).toEqual(before);
    expect(refused.receipt).toMatchObject({ pending: null, pallet: null });
    expect(line(refused.receipt ?? (await view(t)), 1).received).toBe(0);
  });

  it('refuses hostile pallet input with nothing changed', async () => {
    await scan(t, `00${PALLET}`);
    const before = snapshot(t);
    for (const input of [{ sscc: 'x'.repeat(5000) }, { sscc: 12 }, { sscc: PALLET, extra: true }, 'PALLET']) {
      const result = await t.station.call('receiving.pallet.receive', input);
      expect(result.ok).toBe(false);
    }
    const other = await act(t, 'receiving.pallet.receive', { sscc: '006141410000000019' });
    expect(other.feedback).toMatchObject({ outcome: 'refused', reason: 'no_pallet_offer' });
    expect(snapshot(t)).toEqual(before);
    expect((await view(t)).pallet).toMatchObject({ stage: 'offer' });
  });
});

describe('receipt without PO (blind receipt)', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
    await onReceiving(t);
  });
  afterEach(async () => t.close());

  it('receives scanned goods for a supplier of the site and closes only with a supervisor badge, as one receipt.blind op', async () => {
    // Another supplier's receipt without PO stays open aside; the walk-in one is opened, then resumed.
    await act(t, 'receiving.blind.open', { supplierId: 'SUP-GLOBEX' });
    const suppliers = await t.call<{ id: string }[]>('receiving.suppliers');
    expect(suppliers.map((s) => s.id)).toContain(demo.blindSupplier);
    const opened = await act(t, 'receiving.blind.open', { supplierId: demo.blindSupplier });
    expect(opened.feedback).toMatchObject({ outcome: 'accepted' });
    expect(opened.receipt).toMatchObject({ poId: '', lines: [], blind: { supplierId: demo.blindSupplier } });

    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'accepted', sound: 'good' });
    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'accepted' });
    expect(await scan(t, gtins.tape.unit)).toMatchObject({ outcome: 'accepted' });
    await act(t, 'receiving.undo');
    expect((await view(t)).unexpected.map((u) => [u.sku, u.received])).toEqual([['MUG-CER-350', 2]]);
    // Nothing goes to the server before the close.
    expect(opsOf(t, 'receipt.line')).toHaveLength(0);

    const before = snapshot(t);
    const unapproved = await t.station.call('receiving.close', {});
    expect(unapproved).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(unapproved.ok ? '' : english(unapproved.error.message)).toContain('supervisor');
    const byPacker = await t.station.call('receiving.close', { supervisorBadge: demo.badges.packer });
    expect(byPacker.ok).toBe(false);
    expect(snapshot(t)).toEqual(before);

    const closed = await t.call<{ approvedBy: string }>('receiving.close', { supervisorBadge: demo.badges.supervisor });
    expect(closed.approvedBy).toBe('OP-CHLOE');
    const [blind] = opsOf(t, 'receipt.blind');
    expect(blind?.payload).toMatchObject({ supplierId: demo.blindSupplier, approvedBy: 'OP-CHLOE' });
    expect(blind?.payload.lines.map((l) => [l.itemId, l.qty])).toEqual([
      [demo.items.mug, 1],
      [demo.items.mug, 1],
    ]);
    expect(opsOf(t, 'receipt.close')).toHaveLength(0);
    expect(await t.call('receiving.current')).toBeNull();
    const globex = await act(t, 'receiving.blind.open', { supplierId: 'SUP-GLOBEX' });
    expect(globex.receipt).toMatchObject({ blind: { supplierId: 'SUP-GLOBEX' }, scans: [] });
    expect(t.db.prepare("SELECT count(*) AS n FROM receipts WHERE kind = 'blind'").get()).toEqual({ n: 2 });
  });

  it('refuses to close an empty blind receipt, and refuses unknown or hostile suppliers with nothing changed', async () => {
    const before = snapshot(t);
    for (const supplierId of ['SUP-NOPE', 'x'.repeat(65), '', 7]) {
      const result = await t.station.call('receiving.blind.open', { supplierId });
      expect(result.ok).toBe(false);
    }
    expect(snapshot(t)).toEqual(before);
    await act(t, 'receiving.blind.open', { supplierId: demo.blindSupplier });
    const empty = await t.station.call('receiving.close', { supervisorBadge: demo.badges.supervisor });
    expect(empty).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(opsOf(t, 'receipt.blind')).toHaveLength(0);
  });

  it('tells the server of the receipt before the plates its close puts away', async () => {
    await act(t, 'receiving.blind.open', { supplierId: demo.blindSupplier });
    const tote = await t.call<{ lpn: string }>('receiving.lpn.start', { container: 'tote', label: 'internal' });
    await scan(t, gtins.tape.unit);
    await t.call('receiving.close', { supervisorBadge: demo.badges.supervisor });
    const kinds = outboxOps(t).map((o) => o.kind);
    expect(kinds.slice(-2)).toEqual(['receipt.blind', 'lpn.putaway']);
    expect(opsOf(t, 'receipt.blind')[0]?.payload.lines).toEqual([expect.objectContaining({ itemId: demo.items.tape, lpn: tote.lpn })]);
    expect(opsOf(t, 'lpn.putaway')[0]?.payload.lpn).toBe(tote.lpn);
  });
});
