import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { PackState } from '../../../shared/domain/packing';
import { demo } from '../../../shared/demo/dataset';
import type { EventName } from '../../../shared/events';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { startPackBenchDevices, type PackBenchDevices } from './support/bench-devices';
import { outboxOps, scanner, setOrderStatus, snapshot, state, unitGtin } from './support/pack-helpers';

let bench: PackBenchDevices;
let t: TestStation;
let scan: (data: string) => Promise<ScanFeedback>;
let events: { event: EventName; payload: unknown }[];

beforeAll(async () => {
  bench = await startPackBenchDevices();
});
afterAll(async () => bench.close());
beforeEach(async () => {
  t = await createTestStation({ devices: bench.devices });
  events = [];
  t.station.subscribe((event, payload) => events.push({ event, payload }));
  await t.signIn('packer');
  await t.call('workflow.select', { workflow: 'packing' });
  scan = scanner(t);
});
afterEach(async () => t.close());

const alerts = () => events.filter((e) => e.event === 'alert').map((e) => e.payload);

describe('an order cancelled while it is packed', () => {
  it('stops the bench with one alert, refuses scans and closes, and lets the packer put it down', async () => {
    await scan(demo.order);
    await scan(unitGtin('mug'));
    setOrderStatus(t, demo.order, 'cancelled'); // as a sync pull writes it

    const before = snapshot(t);
    const fb = await scan(unitGtin('mug'));
    expect(fb).toMatchObject({ decision: 'rejected', sound: 'bad', reason: 'order_cancelled' });
    expect(alerts()).toEqual([{ level: 'stop', message: expect.stringContaining('cancelled'), workflow: 'packing' }]);
    expect(snapshot(t)).toMatchObject({ units: (before as { units: unknown }).units, outbox: [] });

    for (const command of ['packing.weigh', 'packing.closeCarton', 'packing.printLabel', 'packing.closeShipment']) {
      expect(await t.station.call(command, {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const s = await state(t);
    expect(s.stop?.reason).toBe('order_cancelled');
    expect(s.step).toBe('stopped');
    expect(alerts()).toHaveLength(1);

    const left = await t.call<PackState>('packing.leave');
    expect(left.order).toBeNull();
    const db = t.station.context.db;
    expect(db.prepare('SELECT count(*) AS n FROM pack_units').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT state FROM pack_orders WHERE order_id = ?').get(demo.order)).toEqual({ state: 'cancelled' });
    expect(outboxOps(t)).toEqual([]);
    expect((await scan(demo.order)).message).toContain('cancelled');
  });

  it('raises the stop alert as soon as the screen re-reads its state after a sync', async () => {
    await scan(demo.order);
    setOrderStatus(t, demo.order, 'cancelled');
    await state(t);
    expect(alerts()).toHaveLength(1);
    expect(events.some((e) => e.event === 'workflow.changed')).toBe(true);
  });
});

describe('short and damaged items', () => {
  it('sends a short order to the problem shelf with its reason (order.problem) and empties the open carton', async () => {
    await scan(demo.order);
    await scan(unitGtin('mug'));
    const s = await t.call<PackState>('packing.short', { lineNo: 2, reason: 'tape not in the tote' });
    expect(s.order).toBeNull();
    const ops = outboxOps(t);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ kind: 'order.problem', payload: { orderId: demo.order, reason: expect.stringContaining('tape not in the tote') } });
    const db = t.station.context.db;
    expect(db.prepare('SELECT status FROM orders WHERE id = ?').get(demo.order)).toEqual({ status: 'problem' });
    expect(db.prepare('SELECT count(*) AS n FROM pack_units').get()).toEqual({ n: 0 });
    expect((await scan(demo.order)).message).toContain('problem shelf');
  });

  it('refuses a short on a complete line', async () => {
    await scan(demo.order);
    await scan(unitGtin('tape'));
    expect(await t.station.call('packing.short', { lineNo: 2, reason: 'tape not in the tote' })).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(outboxOps(t)).toEqual([]);
  });

  it('takes a damaged unit out of the carton for a replacement', async () => {
    await scan(demo.order);
    await scan(unitGtin('mug'));
    const unitId = (await state(t)).cartons[0]?.units[0]?.id;
    const s = await t.call<PackState>('packing.damaged', { lineNo: 1, unitId, reason: 'cracked handle', action: 'replace' });
    expect(s.lines[0]?.packed).toBe(0);
    expect(s.notice).toContain('damaged');
    expect(t.station.context.journal.recent(1)[0]).toMatchObject({ kind: 'packing.damaged', payload: { reason: 'cracked handle', unitId } });
    expect((await scan(unitGtin('mug'))).decision).toBe('accepted');
    expect(outboxOps(t)).toEqual([]);
  });

  it('sends the order to the problem shelf when no replacement is there', async () => {
    await scan(demo.order);
    await t.call('packing.damaged', { lineNo: 1, reason: 'both mugs chipped', action: 'problem' });
    expect(outboxOps(t)[0]).toMatchObject({ kind: 'order.problem', payload: { reason: expect.stringContaining('Damaged') } });
  });
});

describe('putting orders down', () => {
  it('switches orders only while the open carton is empty', async () => {
    await scan(demo.order);
    expect((await scan('SO-2002')).decision).toBe('accepted');
    await scan(unitGtin('scanner'));
    await scan('SN-77');
    const before = snapshot(t);
    const fb = await scan(demo.order);
    expect(fb.decision).toBe('rejected');
    expect(fb.message).toContain('open carton');
    expect(snapshot(t)).toEqual(before);
  });

  it('resumes a parked order with its closed cartons', async () => {
    await scan(demo.order);
    await scan(unitGtin('mug'));
    await bench.putOnScale(0.46);
    await t.call('packing.weigh');
    await t.call('packing.printLabel');
    await bench.labels.nextJob();
    await t.call('packing.closeCarton');
    await t.call('packing.leave');
    await scan('SO-2002');
    await t.call('packing.leave');
    await scan(demo.order);
    const s = await state(t);
    expect(s.cartons.map((c) => c.state)).toEqual(['closed']);
    expect(s.remainingUnits).toBe(2);
  });
});
