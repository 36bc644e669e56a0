import { describe, expect, it } from 'vitest';
import { DEMO_COMPANY_PREFIX, demo } from '../../../shared/demo/dataset';
import { makeGtin14 } from '../../../shared/demo/gtin';
import type { PackState } from '../../../shared/domain/packing';
import { isValidSscc } from '../../../shared/scan';
import { english } from '../../support/english';
import type { TestStation } from '../../support/station-fixture';
import { weighLabelClose } from './support/pack-flow';
import { caseGtin, gs1, outboxOps, setOrderStatus, snapshot, state, unitGtin } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

const suite = usePackSuite();

const line = (s: PackState, lineNo: number) => s.lines.find((l) => l.lineNo === lineNo);

describe('opening an order', () => {
  it('opens by order number and shows lines, ship-to, carrier, notes and what is left', async () => {
    const fb = await suite.scan(demo.order);
    expect(fb).toMatchObject({ outcome: 'accepted', sound: 'good', workflow: 'packing' });
    expect(english(fb.message)).toContain('FRAGILE');
    const s = await state(suite.t);
    expect(s.order).toMatchObject({
      number: 'SO-2001',
      carrier: 'HOUSE',
      service: 'STANDARD',
      notes: 'Leave at reception',
      fragile: true,
      tote: 'T-0001',
    });
    expect(s.order?.shipTo.name).toBe('Mila de Vries');
    expect(s.lines.map((l) => [l.itemId, l.qty, l.remaining])).toEqual([
      [demo.items.mug, 2, 2],
      [demo.items.tape, 1, 1],
    ]);
    expect(s.remainingUnits).toBe(3);
    expect(s.step).toBe('scan-items');
    expect(s.recommendation?.code).toBe('BOX-S');
  });

  it('opens by tote, by scan and by typed code', async () => {
    expect((await suite.scan(demo.tote)).outcome).toBe('accepted');
    expect((await state(suite.t)).order?.id).toBe(demo.order);
    const typed = await suite.t.call<PackState>('packing.open', { code: 'SO-2002' });
    expect(typed.order?.id).toBe('SO-2002');
    expect(english(typed.notice)).toContain('SO-2002');
  });

  it('refuses an order that is packed, shipped, cancelled or on the problem shelf, with the reason, changing nothing', async () => {
    for (const [status, words] of [
      ['shipped', 'shipped'],
      ['cancelled', 'cancelled'],
      ['packed', 'packed'],
      ['problem', 'problem shelf'],
    ] as const) {
      setOrderStatus(suite.t, demo.order, status);
      const before = snapshot(suite.t);
      const fb = await suite.scan(demo.order);
      expect(fb.outcome).toBe('refused');
      expect(english(fb.message)).toContain(words);
      expect(snapshot(suite.t)).toEqual(before);
    }
  });

  it('asks for an order first when an item is scanned, and for a known code', async () => {
    expect(await suite.scan(unitGtin('mug'))).toMatchObject({ outcome: 'refused', reason: 'no_order' });
    expect(english((await suite.scan('SO-9999')).message)).toContain('SO-9999');
  });
});

describe('every stop is loud and changes nothing', () => {
  const cases: { name: string; order: string; before?: string[]; data: string; reason: string; setup?: (t: TestStation) => void }[] = [
    { name: 'a wrong item', order: demo.order, data: unitGtin('bolt'), reason: 'wrong_item' },
    { name: 'an extra unit', order: demo.order, before: [unitGtin('tape')], data: unitGtin('tape'), reason: 'line_complete' },
    {
      name: 'a lot on quality hold',
      order: 'SO-2002',
      data: gs1(unitGtin('yoghurt'), { expiry: '261231', lot: demo.heldLot.lot }),
      reason: 'on_hold',
    },
    { name: 'an expired lot', order: 'SO-2002', data: gs1(unitGtin('yoghurt'), { expiry: '261124', lot: 'L2411A' }), reason: 'expired' },
    { name: 'a lot-tracked item without its lot', order: 'SO-2002', data: unitGtin('yoghurt'), reason: 'lot_required' },
    { name: 'a case that overshoots the line', order: demo.order, data: caseGtin('mug'), reason: 'case_overshoots' },
    { name: 'an unknown barcode', order: demo.order, data: `(01)${makeGtin14(0, DEMO_COMPANY_PREFIX, 999)}`, reason: 'unknown_barcode' },
    { name: 'an unreadable barcode', order: demo.order, data: '12345678', reason: 'unreadable' },
    {
      name: 'an item on quality hold',
      order: demo.order,
      data: unitGtin('mug'),
      reason: 'on_hold',
      setup: (s) =>
        s.db
          .prepare("INSERT INTO holds (id, kind, item_id, reason, active, created_at) VALUES ('H-MUG', 'item', ?, 'glaze recall', 1, ?)")
          .run(demo.items.mug, s.clock.now().toISOString()),
    },
  ];
  for (const c of cases) {
    it(`stops ${c.name}`, async () => {
      c.setup?.(suite.t);
      await suite.scan(c.order);
      for (const d of c.before ?? []) expect((await suite.scan(d)).outcome).toBe('accepted');
      const before = snapshot(suite.t);
      const lines = (await state(suite.t)).lines;
      const fb = await suite.scan(c.data);
      expect(fb).toMatchObject({ outcome: 'refused', sound: 'bad', reason: c.reason });
      expect(fb.message.code).toMatch(/^packing\.|^errors\./);
      expect(snapshot(suite.t)).toEqual(before);
      expect((await state(suite.t)).lines).toEqual(lines);
      const stops = suite.t.station.context.journal.recent(5).filter((e) => e.kind === 'packing.scan.stopped');
      expect(stops[0]?.payload).toMatchObject({ reason: c.reason });
    });
  }
});

describe('serial numbers', () => {
  it('captures the serial from the scan that follows the item', async () => {
    await suite.scan('SO-2002');
    const ask = await suite.scan(unitGtin('scanner'));
    expect(ask).toMatchObject({ outcome: 'needs_input' });
    let s = await state(suite.t);
    expect(s.step).toBe('scan-serial');
    expect(s.awaitingSerial?.itemId).toBe(demo.items.scanner);
    expect(await suite.scan(unitGtin('mug'))).toMatchObject({ outcome: 'refused', reason: 'serial_expected' });
    expect((await state(suite.t)).awaitingSerial).not.toBeNull();
    expect((await suite.scan('SN-0001')).outcome).toBe('accepted');
    s = await state(suite.t);
    expect(s.awaitingSerial).toBeNull();
    expect(s.cartons[0]?.units.map((u) => u.serial)).toEqual(['SN-0001']);
  });

  it('refuses a serial twice in one shipment and again in a later shipment', async () => {
    const writer = (await import('./support/pack-helpers')).writeOrder;
    writer(suite.t, { id: 'SO-T1', number: 'SO-T1', lines: [{ lineNo: 1, itemId: demo.items.scanner, qty: 2 }] });
    writer(suite.t, { id: 'SO-T2', number: 'SO-T2', lines: [{ lineNo: 1, itemId: demo.items.scanner, qty: 1 }] });
    await suite.scan('SO-T1');
    expect((await suite.scan(gs1(unitGtin('scanner'), { serial: 'SN-A' }))).outcome).toBe('accepted');
    const before = snapshot(suite.t);
    expect(await suite.scan(gs1(unitGtin('scanner'), { serial: 'SN-A' }))).toMatchObject({
      outcome: 'refused',
      reason: 'duplicate_serial',
    });
    await suite.scan(unitGtin('scanner'));
    expect(await suite.scan('SN-A')).toMatchObject({ outcome: 'refused', reason: 'duplicate_serial' });
    expect(snapshot(suite.t)).toEqual(before);
    expect((await suite.scan('SN-B')).outcome).toBe('accepted');
    await weighLabelClose(suite.t, suite.bench, 0.74);
    await suite.t.call('packing.closeShipment');

    await suite.scan('SO-T2');
    const again = await suite.scan(gs1(unitGtin('scanner'), { serial: 'SN-B' }));
    expect(again).toMatchObject({ outcome: 'refused', reason: 'duplicate_serial' });
    expect(english(again.message)).toContain('before');
  });
});

describe('cases and quantity keys', () => {
  it('counts a case GTIN as its pack quantity unless it overshoots', async () => {
    const { writeOrder } = await import('./support/pack-helpers');
    writeOrder(suite.t, { id: 'SO-Q1', number: 'SO-Q1', lines: [{ lineNo: 1, itemId: demo.items.bolt, qty: 60 }] });
    await suite.scan('SO-Q1');
    expect(english((await suite.scan(caseGtin('bolt'))).message)).toContain('+50');
    expect(line(await state(suite.t), 1)?.packed).toBe(50);
    expect(await suite.scan(caseGtin('bolt'))).toMatchObject({ outcome: 'refused', reason: 'case_overshoots' });
    expect(line(await state(suite.t), 1)?.packed).toBe(50);
  });

  it('takes a typed quantity only after a verifying scan of the line and never past what is left', async () => {
    const { writeOrder } = await import('./support/pack-helpers');
    writeOrder(suite.t, {
      id: 'SO-Q2',
      number: 'SO-Q2',
      lines: [
        { lineNo: 1, itemId: demo.items.bolt, qty: 10 },
        { lineNo: 2, itemId: demo.items.tape, qty: 1 },
      ],
    });
    await suite.scan('SO-Q2');
    const first = await suite.t.station.call('packing.quantity', { lineNo: 1, qty: 9 });
    expect(first).toMatchObject({ ok: false, error: { code: 'rule' } });
    await suite.scan(unitGtin('bolt'));
    expect((await suite.t.station.call('packing.quantity', { lineNo: 1, qty: 10 })).ok).toBe(false);
    const s = await suite.t.call<PackState>('packing.quantity', { lineNo: 1, qty: 9 });
    expect(line(s, 1)?.packed).toBe(10);
    expect(s.cartons[0]?.units.map((u) => u.qty)).toEqual([1, 9]);
    await suite.scan(unitGtin('tape'));
    expect((await suite.t.station.call('packing.quantity', { lineNo: 1, qty: 1 })).ok).toBe(false);
  });

  it('refuses quantity keys where the site switched them off', async () => {
    const meta = suite.t.station.context.meta;
    meta.set('site_settings', JSON.stringify({ ...suite.t.dataset.site, allowQuantityKeys: false }));
    const { writeOrder } = await import('./support/pack-helpers');
    writeOrder(suite.t, { id: 'SO-Q3', number: 'SO-Q3', lines: [{ lineNo: 1, itemId: demo.items.bolt, qty: 10 }] });
    await suite.scan('SO-Q3');
    await suite.scan(unitGtin('bolt'));
    const r = await suite.t.station.call('packing.quantity', { lineNo: 1, qty: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.error.message)).toContain('switched off');
  });
});

describe('carton, weight, label, close', () => {
  it('packs SO-2001 into the recommended carton, weighs it, labels it, closes carton and shipment', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    await suite.scan(unitGtin('mug'));
    await suite.scan(unitGtin('tape'));
    let s = await state(suite.t);
    expect(s.remainingUnits).toBe(0);
    expect(s.step).toBe('weigh');
    expect(suite.t.station.context.busy.check()).toEqual({ busy: true, reason: 'carton 1 of order SO-2001 is open' });
    const carton = s.cartons[0];
    expect(carton?.cartonType).toBe('BOX-S');
    expect(carton?.expectedG).toBe(2 * 340 + 290 + 120);
    expect(isValidSscc(carton?.sscc ?? '')).toBe(true);
    expect(carton?.sscc.slice(1, 8)).toBe('0614141');

    expect((await suite.t.station.call('packing.printLabel', {})).ok).toBe(false);
    expect((await suite.t.station.call('packing.closeCarton', {})).ok).toBe(false);

    await suite.bench.putOnScale(1.1);
    s = await suite.t.call<PackState>('packing.weigh');
    expect(s.cartons[0]?.weight).toMatchObject({ status: 'ok', actualG: 1100, expectedG: 1090 });
    expect(s.step).toBe('print-label');

    s = await suite.t.call<PackState>('packing.printLabel');
    const zpl = (await suite.bench.labels.nextJob()).toString('latin1');
    const label = s.cartons[0]?.label;
    expect(label).toMatchObject({ state: 'printed', adapter: 'house', fallback: false, printState: 'done' });
    expect(label?.tracking).toMatch(/^WBH\d{14}$/);
    expect(zpl).toContain(label?.tracking ?? '?');
    expect(zpl).toContain('Mila de Vries');
    expect(s.step).toBe('close-carton');
    expect(s.canCloseCarton).toBe(true);

    s = await suite.t.call<PackState>('packing.closeCarton');
    expect(s.step).toBe('close-shipment');
    s = await suite.t.call<PackState>('packing.closeShipment');
    expect(s.order).toBeNull();
    expect(suite.t.station.context.busy.check().busy).toBe(false);

    const ops = outboxOps(suite.t);
    expect(ops.map((o) => o.kind)).toEqual(['pack.carton.close', 'shipment.close']);
    const [close, ship] = ops;
    if (close?.kind !== 'pack.carton.close' || ship?.kind !== 'shipment.close') throw new Error('ops');
    expect(close.payload).toMatchObject({
      orderId: demo.order,
      sscc: carton?.sscc,
      cartonType: 'BOX-S',
      weightG: 1100,
      expectedG: 1090,
      overrideBy: null,
      carrier: 'HOUSE',
      tracking: label?.tracking,
    });
    expect(close.payload.items).toEqual([
      { lineNo: 1, itemId: demo.items.mug, lot: null, serial: null, qty: 2 },
      { lineNo: 2, itemId: demo.items.tape, lot: null, serial: null, qty: 1 },
    ]);
    expect(close.operatorId).toBe('OP-BEN');
    expect(ship.payload).toEqual({ orderId: demo.order, cartonIds: [carton?.id] });
    expect(english((await suite.scan(demo.order)).message)).toContain('shipped');
  });

  it('stops the close while the weight is out of tolerance until a supervisor overrides with a reason', async () => {
    await suite.scan(demo.order);
    for (const d of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(d);
    await suite.bench.putOnScale(0.75);
    let s = await suite.t.call<PackState>('packing.weigh');
    expect(s.cartons[0]?.weight).toMatchObject({ status: 'out', actualG: 750, diffG: -340 });
    expect(s.step).toBe('resolve-weight');
    expect(english(s.notice)).toContain('lighter');
    expect(await suite.t.station.call('packing.printLabel', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await suite.t.station.call('packing.closeCarton', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const packerBadge = await suite.t.station.call('packing.overrideWeight', { badge: demo.badges.packer, reason: 'looks fine to me' });
    expect(packerBadge).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    s = await suite.t.call<PackState>('packing.overrideWeight', {
      badge: demo.badges.supervisor,
      reason: 'mugs are a lighter batch, checked',
    });
    expect(s.cartons[0]?.weight).toMatchObject({ status: 'overridden', overrideBy: 'OP-CHLOE' });
    await suite.t.call('packing.printLabel');
    await suite.bench.labels.nextJob();
    await suite.t.call('packing.closeCarton');
    const [close] = outboxOps(suite.t);
    expect(close?.payload).toMatchObject({
      weightG: 750,
      expectedG: 1090,
      overrideBy: 'OP-CHLOE',
      overrideReason: 'mugs are a lighter batch, checked',
    });
    expect(suite.t.station.context.journal.recent(20).some((e) => e.kind === 'packing.weight.out')).toBe(true);
  });

  it('a re-weigh within tolerance clears an out-of-tolerance weight; a unit added afterwards needs a new weighing', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    await suite.bench.putOnScale(0.3);
    expect((await suite.t.call<PackState>('packing.weigh')).cartons[0]?.weight?.status).toBe('out');
    await suite.bench.putOnScale(0.46);
    expect((await suite.t.call<PackState>('packing.weigh')).cartons[0]?.weight?.status).toBe('ok');
    await suite.scan(unitGtin('mug'));
    expect((await state(suite.t)).cartons[0]?.weight).toBeNull();
  });

  it('refuses a weighing while the scale is not stable', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    await suite.bench.putOnScale(0.46, true);
    const r = await suite.t.station.call('packing.weigh', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'device' } });
    expect((await state(suite.t)).cartons[0]?.weight).toBeNull();
  }, 20_000);

  it('closes a carton, opens the next on the next scan, and ships both in one shipment', async () => {
    await suite.t.call('packing.open', { code: demo.order });
    await suite.t.call('packing.chooseCarton', { cartonType: 'BOX-M' });
    await suite.scan(unitGtin('mug'));
    let s = await state(suite.t);
    expect(s.cartons[0]?.cartonType).toBe('BOX-M');
    expect(s.cartons[0]?.expectedG).toBe(340 + 220);
    s = await weighLabelClose(suite.t, suite.bench, 0.56);
    expect(s.remainingUnits).toBe(2);
    expect(s.openCartonId).toBeNull();
    await suite.scan(unitGtin('mug'));
    await suite.scan(unitGtin('tape'));
    s = await state(suite.t);
    expect(s.cartons.map((c) => [c.seq, c.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    expect(s.cartons[1]?.sscc).not.toBe(s.cartons[0]?.sscc);
    expect(s.cartons[1]?.cartonType).toBe('BOX-S');
    await weighLabelClose(suite.t, suite.bench, 0.75);
    await suite.t.call('packing.closeShipment');
    const ops = outboxOps(suite.t);
    expect(ops.map((o) => o.kind)).toEqual(['pack.carton.close', 'pack.carton.close', 'shipment.close']);
    const ship = ops[2];
    expect(ship?.kind === 'shipment.close' && ship.payload.cartonIds).toEqual(s.cartons.map((c) => c.id));
  });

  it('refuses to close the shipment while units are left', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    await weighLabelClose(suite.t, suite.bench, 0.46);
    const r = await suite.t.station.call('packing.closeShipment', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'rule' } });
    if (!r.ok) expect(english(r.error.message)).toContain('2 units');
  });
});

describe('labels', () => {
  const toLabel = async () => {
    await suite.scan(demo.order);
    for (const d of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(d);
    await suite.bench.putOnScale(1.09);
    await suite.t.call('packing.weigh');
    const s = await suite.t.call<PackState>('packing.printLabel');
    const first = await suite.bench.labels.nextJob();
    return { s, first };
  };

  it('reprints the same label with a reason', async () => {
    const { first } = await toLabel();
    const s = await suite.t.call<PackState>('packing.reprintLabel', { reason: 'label torn' });
    expect((await suite.bench.labels.nextJob()).equals(first)).toBe(true);
    expect(s.cartons[0]?.label?.prints).toBe(2);
    expect(suite.t.station.context.journal.recent(3)[0]).toMatchObject({
      kind: 'packing.label.reprinted',
      payload: { reason: 'label torn' },
    });
  });

  it('voids a label; the next label has a new tracking number', async () => {
    const { s } = await toLabel();
    const tracking = s.cartons[0]?.label?.tracking;
    const voided = await suite.t.call<PackState>('packing.voidLabel', { reason: 'stuck on the wrong box' });
    expect(voided.cartons[0]?.label?.state).toBe('voided');
    expect(voided.step).toBe('print-label');
    expect((await suite.t.station.call('packing.closeCarton', {})).ok).toBe(false);
    const again = await suite.t.call<PackState>('packing.printLabel');
    const zpl = (await suite.bench.labels.nextJob()).toString('latin1');
    expect(again.cartons[0]?.label?.tracking).not.toBe(tracking);
    expect(zpl).toContain(again.cartons[0]?.label?.tracking ?? '?');
    expect(again.canCloseCarton).toBe(true);
  });

  it('prints the packing slip as a PDF on the document printer', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const job = await suite.t.call<{ state: string }>('packing.printSlip');
    expect(job.state).toBe('done');
    expect((await suite.bench.documents.nextJob()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
