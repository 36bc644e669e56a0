import { describe, expect, it } from 'vitest';
import type { StationDeviceLayer } from '../../../electron/core/devices/station-adapter';
import { DEMO_COMPANY_PREFIX, demo } from '../../../shared/demo/dataset';
import type { LpnView, PrintOutcome, PutawayPlan } from '../../../shared/domain/receiving';
import { isValidSscc } from '../../../shared/scan';
import { english } from '../../support/english';
import type { TestStation } from '../../support/station-fixture';
import { type BenchHardware, stationsOnBenchHardware } from './support/bench-devices';
import { act, gs1Date, gtins, line, onReceiving, opsOf, scan, snapshot, view } from './support/receiving';

const ASN_SSCC = '106141410000000019';

describe('receiving with a real MT-SICS scale on a pty and printers on TCP', () => {
  let bench: BenchHardware;
  let devices: StationDeviceLayer;
  let t: TestStation;
  stationsOnBenchHardware(
    async (station) => {
      await onReceiving(station);
      await scan(station, 'ASN-5001');
    },
    (b, d, station) => {
      bench = b;
      devices = d;
      t = station;
    },
  );

  it('counts bolts by weight from a stable reading, less the tote tare', async () => {
    await bench.putOnScale(devices, 1.475);
    const counted = await act(t, 'receiving.weighCount', { itemId: demo.items.bolt, tareKg: 0.4 });
    expect(counted.feedback).toMatchObject({ outcome: 'accepted' });
    expect(english(counted.feedback.message)).toContain('50 × BOLT-M8X40');
    expect(counted.weighing).toMatchObject({ grossKg: 1.475, exactUnits: 50 });
    expect(line(counted.receipt!, 2).received).toBe(50);
    expect((await view(t)).scans[0]).toMatchObject({ source: 'weight', qty: 50 });
    expect(bench.scaleCommands()).toContain('SI');
  });

  it('refuses 4.6 units ("re-weigh") and an unsteady scale, changing nothing', async () => {
    const before = snapshot(t);
    await bench.putOnScale(devices, 0.099);
    const partial = await act(t, 'receiving.weighCount', { itemId: demo.items.bolt });
    expect(partial.feedback).toMatchObject({ outcome: 'refused', reason: 'not_whole', sound: 'bad' });
    expect(english(partial.feedback.message)).toContain('4.6 units');
    expect(english(partial.feedback.message)).toContain('re-weigh');

    await bench.putOnScale(devices, 1.2, true);
    const swinging = await act(t, 'receiving.weighCount', { itemId: demo.items.bolt });
    expect(swinging.feedback).toMatchObject({ outcome: 'refused', reason: 'scale' });
    expect(english(swinging.feedback.message)).toMatch(/no steady weight: re-weigh/);
    expect(snapshot(t)).toMatchObject({ lines: before.lines, outbox: before.outbox });
  }, 20_000);

  it('builds a pallet with an SSCC, weighs it against the ASN, prints its GS1 logistic label once, and puts it away', async () => {
    const pallet = await t.call<LpnView>('receiving.lpn.start', { container: 'pallet', label: 'sscc' });
    expect(isValidSscc(pallet.lpn)).toBe(true);
    expect(pallet.lpn.slice(0, 8)).toBe(`3${DEMO_COMPANY_PREFIX}`);
    expect(pallet).toMatchObject({ kind: 'sscc', sscc: pallet.lpn, current: true, weightKg: null });
    const exp = gs1Date(t, 30);
    await scan(t, `01${gtins.yoghurt.case}17${exp}10L2411A`);
    await scan(t, `01${gtins.yoghurt.case}17${exp}10L2411A`);

    await bench.putOnScale(devices, 38.1);
    const weighed = await t.call<LpnView>('receiving.lpn.weigh', {});
    expect(weighed).toMatchObject({ weightKg: 38.1, asnWeightKg: 38.5, weightDiffKg: -0.4, contentsKg: 12.72 });
    expect(weighed.items).toEqual([{ itemId: demo.items.yoghurt, sku: 'YOG-500', lot: 'L2411A', qty: 24, onHold: false }]);

    const printed = await t.call<PrintOutcome>('receiving.lpn.print', { label: 'sscc' });
    expect(printed.state).toBe('done');
    const zpl = (await bench.printer.nextJob()).toString('latin1');
    expect(zpl).toContain(pallet.lpn);
    expect(zpl).toMatch(/^\^XA/);
    expect(zpl).toContain('L2411A');
    // Received as cases: the case GTIN in (02) with the number of cases (2 of 12) in (37), never the unit GTIN.
    expect(zpl).toContain(`(02)${gtins.yoghurt.case}(37)2`);
    expect(zpl).not.toContain(gtins.yoghurt.unit);
    expect((await t.call<PrintOutcome>('receiving.lpn.print', { label: 'sscc' })).state).toBe('done');
    expect(bench.printer.jobs.filter((j) => j.toString('latin1').includes(pallet.lpn))).toHaveLength(1);
    await t.call('receiving.lpn.print', { label: 'sscc', reprintReason: 'label torn' });
    expect((await bench.printer.nextJob()).toString('latin1')).toContain(pallet.lpn);

    const plan = await t.call<PutawayPlan>('receiving.lpn.suggest', {});
    expect(plan.suggestions[0]).toMatchObject({ zone: 'C' });
    expect(plan.suggestions[0]?.reasons.join(' ')).toContain('zone C for cold goods');
    expect(plan.suggestions.every((s) => s.zone === 'C')).toBe(true);

    const refused = await t.station.call('receiving.lpn.putaway', { location: 'A-03-01-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule' } });
    const placed = await t.call<LpnView>('receiving.lpn.putaway', {});
    expect(placed.location).toBe(plan.suggestions[0]?.location);
    const [putaway] = opsOf(t, 'lpn.putaway');
    expect(putaway?.payload).toEqual({
      lpn: pallet.lpn,
      location: placed.location,
      items: [{ itemId: demo.items.yoghurt, lot: 'L2411A', serial: null, qty: 24 }],
    });
    expect((await view(t)).currentLpn).toBeNull();
    expect((await act(t, 'receiving.undo')).feedback).toMatchObject({ outcome: 'refused', reason: 'already_put_away' });

    // The next pallet of the same lot goes where the first one went.
    await t.call('receiving.lpn.start', { container: 'tote', label: 'internal' });
    await act(t, 'receiving.receive', { itemId: demo.items.yoghurt, qty: 1, lot: 'L2411A', expiry: exp });
    const next = await t.call<PutawayPlan>('receiving.lpn.suggest', {});
    expect(next.suggestions[0]).toMatchObject({ location: placed.location });
    expect(next.suggestions[0]?.reasons).toContain(`holds ${demo.items.yoghurt} lot L2411A`);
  });

  it('prints an internal LPN label with the putaway location, and the bolts go to their home location', async () => {
    const tote = await t.call<LpnView>('receiving.lpn.start', { container: 'tote', label: 'internal' });
    expect(tote.lpn).toMatch(/^LPN-\d{3}-000001$/);
    const empty = await t.station.call('receiving.lpn.print', { label: 'lpn' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'rule' } });
    const sscc = await t.station.call('receiving.lpn.print', { label: 'sscc' });
    expect(sscc).toMatchObject({ ok: false, error: { code: 'rule' } });
    await act(t, 'receiving.receive', { itemId: demo.items.bolt, qty: 200 });
    expect((await t.call<PrintOutcome>('receiving.lpn.print', { label: 'lpn' })).state).toBe('done');
    const zpl = (await bench.printer.nextJob()).toString('latin1');
    expect(zpl).toContain(tote.lpn);
    expect(zpl).toContain('A-01-01-1');
    expect(zpl).toContain('BOLT-M8X40');
  });

  it('sends the supplier pallet, damaged goods to quarantine, and the receipt report to the document printer on close', async () => {
    await scan(t, ASN_SSCC);
    await t.call('receiving.setCondition', { condition: 'damaged', reason: 'wet carton' });
    await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 30)}10L2411A`);
    const plan = await t.call<PutawayPlan>('receiving.lpn.suggest', { lpn: ASN_SSCC });
    expect(plan.suggestions.map((s) => s.location)).toEqual(['Q-01']);

    const closed = await t.call<{ report: PrintOutcome | null }>('receiving.close', {
      supervisorBadge: demo.badges.supervisor,
      printReport: true,
    });
    expect(closed.report?.state).toBe('done');
    const pdf = await bench.documents.nextJob();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const ops = opsOf(t, 'lpn.putaway');
    expect(ops.map((o) => [o.payload.lpn, o.payload.location])).toEqual([[ASN_SSCC, 'Q-01']]);
    const kinds = opsOf(t, 'receipt.close').length;
    expect(kinds).toBe(1);
  });
});
