import { describe, expect, it } from 'vitest';
import { demo } from '../../../shared/demo/dataset';
import type { PackState } from '../../../shared/domain/packing';
import type { EventName } from '../../../shared/events';
import { english } from '../../support/english';
import { outboxOps, setOrderStatus, snapshot, state, unitGtin } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

let events: { event: EventName; payload: unknown }[];
const suite = usePackSuite((t) => {
  events = [];
  t.station.subscribe((event, payload) => events.push({ event, payload }));
});

const alerts = () => events.filter((e) => e.event === 'alert').map((e) => e.payload);

describe('an order cancelled while it is packed', () => {
  it('stops the suite.bench with one alert, refuses scans and closes, and lets the packer put it down', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    setOrderStatus(suite.t, demo.order, 'cancelled'); // as a sync pull writes it

    const before = snapshot(suite.t);
    const fb = await suite.scan(unitGtin('mug'));
    expect(fb).toMatchObject({ outcome: 'refused', sound: 'bad', reason: 'order_cancelled' });
    expect(alerts()).toEqual([
      { level: 'stop', message: { code: 'packing.orderCancelled', params: { document: demo.order } }, workflow: 'packing' },
    ]);
    expect(snapshot(suite.t)).toMatchObject({ units: (before as { units: unknown }).units, outbox: [] });

    for (const command of ['packing.weigh', 'packing.closeCarton', 'packing.printLabel', 'packing.closeShipment']) {
      expect(await suite.t.station.call(command, {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const s = await state(suite.t);
    expect(s.stop?.reason).toBe('order_cancelled');
    expect(s.step).toBe('stopped');
    expect(alerts()).toHaveLength(1);

    const left = await suite.t.call<PackState>('packing.leave');
    expect(left.order).toBeNull();
    const db = suite.t.db;
    expect(db.prepare('SELECT count(*) AS n FROM pack_units').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT state FROM pack_orders WHERE order_id = ?').get(demo.order)).toEqual({ state: 'cancelled' });
    expect(outboxOps(suite.t)).toEqual([]);
    expect(english((await suite.scan(demo.order)).message)).toContain('cancelled');
  });

  it('raises the stop alert as soon as the screen re-reads its state after a sync', async () => {
    await suite.scan(demo.order);
    setOrderStatus(suite.t, demo.order, 'cancelled');
    await state(suite.t);
    expect(alerts()).toHaveLength(1);
    expect(events.some((e) => e.event === 'workflow.changed')).toBe(true);
  });
});

describe('short and damaged items', () => {
  it('sends a short order to the problem shelf with its reason (order.problem) and empties the open carton', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const s = await suite.t.call<PackState>('packing.short', { lineNo: 2, reason: 'tape not in the tote' });
    expect(s.order).toBeNull();
    const ops = outboxOps(suite.t);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      kind: 'order.problem',
      payload: { orderId: demo.order, reason: expect.stringContaining('tape not in the tote') },
    });
    const db = suite.t.db;
    expect(db.prepare('SELECT status FROM orders WHERE id = ?').get(demo.order)).toEqual({ status: 'problem' });
    expect(db.prepare('SELECT count(*) AS n FROM pack_units').get()).toEqual({ n: 0 });
    expect(english((await suite.scan(demo.order)).message)).toContain('problem shelf');
  });

  it('refuses a short on a complete line', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('tape'));
    expect(await suite.t.station.call('packing.short', { lineNo: 2, reason: 'tape not in the tote' })).toMatchObject({
      ok: false,
      error: { code: 'rule' },
    });
    expect(outboxOps(suite.t)).toEqual([]);
  });

  it('takes a damaged unit out of the carton for a replacement', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const unitId = (await state(suite.t)).cartons[0]?.units[0]?.id;
    const s = await suite.t.call<PackState>('packing.damaged', { lineNo: 1, unitId, reason: 'cracked handle', action: 'replace' });
    expect(s.lines[0]?.packed).toBe(0);
    expect(english(s.notice)).toContain('damaged');
    expect(suite.t.station.context.journal.recent(1)[0]).toMatchObject({
      kind: 'packing.damaged',
      payload: { reason: 'cracked handle', unitId },
    });
    expect((await suite.scan(unitGtin('mug'))).outcome).toBe('accepted');
    expect(outboxOps(suite.t)).toEqual([]);
  });

  it('sends the order to the problem shelf when no replacement is there', async () => {
    await suite.scan(demo.order);
    await suite.t.call('packing.damaged', { lineNo: 1, reason: 'both mugs chipped', action: 'problem' });
    expect(outboxOps(suite.t)[0]).toMatchObject({ kind: 'order.problem', payload: { reason: expect.stringContaining('Damaged') } });
  });
});

describe('putting orders down', () => {
  it('switches orders only while the open carton is empty', async () => {
    await suite.scan(demo.order);
    expect((await suite.scan('SO-2002')).outcome).toBe('accepted');
    await suite.scan(unitGtin('scanner'));
    await suite.scan('SN-77');
    const before = snapshot(suite.t);
    const fb = await suite.scan(demo.order);
    expect(fb.outcome).toBe('refused');
    expect(english(fb.message)).toContain('open carton');
    expect(snapshot(suite.t)).toEqual(before);
  });

  it('resumes a parked order with its closed cartons', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    await suite.bench.putOnScale(0.46);
    await suite.t.call('packing.weigh');
    await suite.t.call('packing.printLabel');
    await suite.bench.labels.nextJob();
    await suite.t.call('packing.closeCarton');
    await suite.t.call('packing.leave');
    await suite.scan('SO-2002');
    await suite.t.call('packing.leave');
    await suite.scan(demo.order);
    const s = await state(suite.t);
    expect(s.cartons.map((c) => c.state)).toEqual(['closed']);
    expect(s.remainingUnits).toBe(2);
  });
});
