import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/kernel/log';
import { createMasterDataWriter } from '../../../electron/core/storage/master-data';
import { applyChange } from '../../../electron/core/sync/pull';
import type { ScanFeedback } from '../../../shared/contract/station';
import { demo } from '../../../shared/demo/dataset';
import type { ReturnsState } from '../../../shared/domain/returns';
import { english } from '../../support/english';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { gtins, outboxOps } from '../receiving/support/receiving';

const gs1 = (gtin: string, serial?: string) => `(01)${gtin}${serial ? `(21)${serial}` : ''}`;

let t: TestStation;
const scan = (data: string): Promise<ScanFeedback> =>
  t.station.scan({ data, symbology: 'unknown', source: 'serial', at: t.clock.now().toISOString() });
const state = () => t.call<ReturnsState>('returns.state');
const unitOf = async (sku: string) => {
  const unit = (await state()).active?.units.find((u) => u.sku === sku && !u.disposition);
  if (!unit) throw new Error(`no undecided unit of ${sku}`);
  return unit;
};
const counts = () =>
  t.db
    .prepare(
      'SELECT (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM return_units) AS units, (SELECT count(*) FROM returns) AS returns',
    )
    .get() as { outbox: number; units: number; returns: number };

beforeEach(async () => {
  t = await createTestStation();
  await t.signIn('receiver');
  await t.call('workflow.select', { workflow: 'returns' });
});
afterEach(() => t.close());

describe('opening a return', () => {
  it('opens by the RMA number and shows what the order shipped and what comes back', async () => {
    const opened = await scan(demo.rma.id);
    expect(opened).toMatchObject({ outcome: 'accepted', workflow: 'returns', message: { code: 'returns.opened' } });
    expect(english(opened.message)).toContain('Sofia Jansen');
    const s = await state();
    expect(s.next).toBe('scanUnit');
    const scanner = s.active?.lines.find((l) => l.itemId === demo.items.scanner);
    expect(scanner).toMatchObject({ shipped: 2, expected: 1, received: 0, serials: demo.rma.serials });
    expect(s.active?.lines.find((l) => l.itemId === demo.items.yoghurt)?.lots).toEqual([demo.heldLot.lot]);
  });

  it('opens by the original order or by the shipment tracking number; an unknown code is refused and opens nothing', async () => {
    const before = counts();
    expect(await scan('RMA-NOPE')).toMatchObject({ outcome: 'refused', reason: 'unknown_return', sound: 'bad' });
    expect(await scan(gtins.mug.unit)).toMatchObject({ outcome: 'needs_input', message: { code: 'returns.scanReturnFirst' } });
    expect(counts()).toEqual(before);
    expect((await state()).active).toBeNull();

    expect(await scan(demo.shippedOrder)).toMatchObject({ outcome: 'accepted', message: { code: 'returns.opened' } });
    expect(await scan(demo.rma.tracking)).toMatchObject({ outcome: 'accepted', message: { code: 'returns.alreadyOpen' } });
    expect(counts().returns).toBe(1);
    t.db.prepare('DELETE FROM returns').run();
    expect(await scan(demo.rma.tracking)).toMatchObject({ outcome: 'accepted', message: { code: 'returns.opened' } });
    expect((await state()).active?.rmaId).toBe(demo.rma.id);
  });

  it('finds open returns by customer', async () => {
    expect(await t.call('returns.find', { customer: 'jansen' })).toEqual([
      { rmaId: demo.rma.id, number: demo.rma.id, orderId: demo.shippedOrder, customer: 'Sofia Jansen' },
    ]);
    expect(await t.call('returns.find', { customer: 'nobody' })).toEqual([]);
  });

  it('is closed to an operator without the returns role', async () => {
    await t.call('session.signOut');
    await t.signIn('packer');
    const refused = await t.station.call('returns.open', { code: demo.rma.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('receiving the units', () => {
  beforeEach(async () => {
    await scan(demo.rma.id);
  });

  it('matches a serial to the shipment and refuses, loudly, one the order never shipped', async () => {
    const matched = await scan(gs1(gtins.scanner.unit, 'SN-HH-0001'));
    expect(matched).toMatchObject({ outcome: 'accepted', message: { code: 'returns.serialMatched', params: { serial: 'SN-HH-0001' } } });
    const before = counts();
    const foreign = await scan(gs1(gtins.scanner.unit, 'SN-XX-9999'));
    expect(foreign).toMatchObject({ outcome: 'refused', reason: 'serial_not_shipped', sound: 'bad' });
    expect(english(foreign.message)).toContain('SN-XX-9999');
    expect(await scan(gs1(gtins.scanner.unit, 'SN-HH-0001'))).toMatchObject({ outcome: 'refused', reason: 'serial_twice' });
    expect(await scan(gtins.scanner.unit)).toMatchObject({ outcome: 'needs_input', reason: 'serial_needed' });
    expect(counts()).toEqual(before);
    // A bare serial the order shipped names its item.
    expect(await scan('SN-HH-0002')).toMatchObject({ outcome: 'warning', reason: 'more_than_expected' });
    expect((await state()).active?.units.map((u) => u.serial)).toEqual(['SN-HH-0001', 'SN-HH-0002']);
  });

  it('takes an item not on the RMA only with a supervisor badge, and not before', async () => {
    const tape = await scan(gtins.tape.unit);
    expect(tape).toMatchObject({ outcome: 'needs_input', reason: 'not_on_rma', message: { code: 'returns.notOnRma' } });
    const s = await state();
    expect(s).toMatchObject({ next: 'approveNotOnRma', awaitingApproval: true });
    const unit = await unitOf('TAPE-48');
    await t.call('returns.condition', { unitId: unit.unitId, condition: 'new' });
    await t.call('returns.disposition', { unitId: unit.unitId, disposition: 'restock' });
    expect(await t.station.call('returns.close', {})).toMatchObject({
      ok: false,
      error: { code: 'rule', message: { code: 'returns.awaitingApproval' } },
    });
    expect(await t.station.call('returns.approve', { badge: demo.badges.receiver })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const approved = await t.call<ReturnsState>('returns.approve', { badge: demo.badges.supervisor });
    expect(approved.awaitingApproval).toBe(false);
    expect(approved.active?.units[0]).toMatchObject({ onRma: false, approvedBy: 'OP-CHLOE' });
  });
});

describe('conditions and dispositions', () => {
  beforeEach(async () => {
    await scan(demo.rma.id);
  });

  it("offers only what the site's rules leave: a damaged mug never restocks, a held lot goes to quarantine by itself", async () => {
    await scan(gtins.mug.unit);
    const mug = await unitOf('MUG-CER-350');
    expect(await t.station.call('returns.disposition', { unitId: mug.unitId, disposition: 'scrap' })).toMatchObject({
      ok: false,
      error: { message: { code: 'returns.conditionFirst' } },
    });
    await t.call('returns.condition', { unitId: mug.unitId, condition: 'damaged' });
    expect((await unitOf('MUG-CER-350')).allowed).not.toContain('restock');
    const refused = await t.station.call('returns.disposition', { unitId: mug.unitId, disposition: 'restock' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule', message: { code: 'returns.dispositionRuledOut' } } });
    const scrapped = await t.call<ReturnsState>('returns.disposition', { unitId: mug.unitId, disposition: 'scrap' });
    expect(scrapped.active?.units[0]).toMatchObject({ disposition: 'scrap', location: 'RETURNS-SCRAP', held: true });

    await scan(gtins.yoghurt.unit);
    const yoghurt = await unitOf('YOG-500');
    expect(yoghurt.lot).toBe(demo.heldLot.lot);
    const judged = await t.call<ReturnsState>('returns.condition', { unitId: yoghurt.unitId, condition: 'new' });
    expect(judged.active?.units.find((u) => u.unitId === yoghurt.unitId)).toMatchObject({
      allowed: ['quarantine'],
      disposition: 'quarantine',
      location: 'RETURNS-QUARANTINE',
      held: true,
    });
  });
});

describe('recalls', () => {
  it('a unit of a recalled item never restocks, even brand new; it lands on hold', async () => {
    createMasterDataWriter(t.db).hold({
      id: 'RECALL-1',
      kind: 'item',
      itemId: demo.items.mug,
      lot: null,
      location: null,
      reason: 'Glaze recall',
      active: true,
      createdAt: t.clock.now().toISOString(),
      recall: true,
    });
    await scan(demo.rma.id);
    await scan(gtins.mug.unit);
    const mug = await unitOf('MUG-CER-350');
    const judged = await t.call<ReturnsState>('returns.condition', { unitId: mug.unitId, condition: 'new' });
    expect(judged.active?.units[0]?.allowed).toEqual(['quarantine', 'scrap', 'returnToVendor']);
    expect(await t.station.call('returns.disposition', { unitId: mug.unitId, disposition: 'restock' })).toMatchObject({
      ok: false,
      error: { message: { code: 'returns.dispositionRuledOut', params: { rule: { code: 'dispositionRule.recalled' } } } },
    });
    const sent = await t.call<ReturnsState>('returns.disposition', { unitId: mug.unitId, disposition: 'returnToVendor' });
    expect(sent.active?.units[0]).toMatchObject({ disposition: 'returnToVendor', held: true });
  });
});

describe('closing a return', () => {
  it('records one return.close op with every unit, once; nothing more on a second close', async () => {
    await scan(demo.rma.id);
    await scan(gs1(gtins.scanner.unit, 'SN-HH-0002'));
    await scan(gtins.mug.unit);
    await scan(gtins.mug.unit);
    expect(await t.station.call('returns.close', {})).toMatchObject({
      ok: false,
      error: { message: { code: 'returns.unitsUndecided', params: { count: 3 } } },
    });
    const plan = [
      ['SCAN-HH', 'opened', 'refurbish'],
      ['MUG-CER-350', 'new', 'restock'],
      ['MUG-CER-350', 'defective', 'returnToVendor'],
    ] as const;
    for (const [sku, condition, disposition] of plan) {
      const unit = await unitOf(sku);
      await t.call('returns.condition', { unitId: unit.unitId, condition });
      await t.call('returns.disposition', { unitId: unit.unitId, disposition });
    }
    expect((await state()).next).toBe('scanUnit');
    const closed = await t.call<ReturnsState>('returns.close');
    expect(closed).toMatchObject({ active: null, next: 'scanReturn' });
    const ops = outboxOps(t).filter((op) => op.kind === 'return.close');
    expect(ops).toHaveLength(1);
    const op = ops[0];
    if (op?.kind !== 'return.close') throw new Error('no return.close op');
    expect(op.payload).toMatchObject({ rmaId: demo.rma.id, orderId: demo.shippedOrder });
    expect(op.payload.units.map((u) => [u.itemId, u.serial, u.condition, u.disposition, u.location, u.held])).toEqual([
      [demo.items.scanner, 'SN-HH-0002', 'opened', 'refurbish', 'RETURNS-REFURB', true],
      [demo.items.mug, null, 'new', 'restock', 'A-02-03-1', false],
      [demo.items.mug, null, 'defective', 'returnToVendor', 'RETURNS-RTV', true],
    ]);
    const before = counts();
    expect(await t.station.call('returns.close', {})).toMatchObject({ ok: false, error: { message: { code: 'returns.noReturn' } } });
    // The RMA is received: scanning its label again opens nothing.
    expect(await scan(demo.rma.id)).toMatchObject({ outcome: 'refused', reason: 'rma_not_open' });
    expect(counts()).toEqual(before);
  });
});

describe('RMAs from the server', () => {
  it('a pulled RMA opens by its shipment reference; a pulled status change and a delete reach the cache', async () => {
    const writer = createMasterDataWriter(t.db);
    const change = (seq: number, record: unknown) => ({ seq, entity: 'rma' as const, op: 'upsert' as const, id: 'RMA-9', record });
    const rma = {
      id: 'RMA-9',
      number: 'RMA-9',
      orderId: 'SO-2002',
      customer: 'Jonas Peeters',
      shipmentRefs: ['1Z-PULLED'],
      lines: [{ lineNo: 1, itemId: demo.items.scanner, qty: 1 }],
      shipped: [{ itemId: demo.items.scanner, serial: 'SN-9', qty: 1 }],
    };
    applyChange(writer, change(1, rma), silentLogger());
    expect(await scan('1Z-PULLED')).toMatchObject({ outcome: 'accepted', message: { code: 'returns.opened' } });
    expect(await scan(gs1(gtins.scanner.unit, 'SN-9'))).toMatchObject({ outcome: 'accepted', message: { code: 'returns.serialMatched' } });
    t.db.prepare('DELETE FROM return_units').run();
    t.db.prepare('DELETE FROM returns').run();

    applyChange(writer, change(2, { ...rma, status: 'received' }), silentLogger());
    expect(await scan('RMA-9')).toMatchObject({ outcome: 'refused', reason: 'rma_not_open' });
    applyChange(writer, { seq: 3, entity: 'rma', op: 'delete', id: 'RMA-9' }, silentLogger());
    expect(await scan('RMA-9')).toMatchObject({ outcome: 'refused', reason: 'unknown_return' });
    // A record that does not match the RMA schema is skipped; the cache keeps working.
    applyChange(writer, change(4, { id: 'RMA-BAD' }), silentLogger());
    expect(await scan('RMA-BAD')).toMatchObject({ outcome: 'refused', reason: 'unknown_return' });
  });
});
