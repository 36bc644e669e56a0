import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demo } from '../../../shared/demo/dataset';
import type { ReceivingKpis } from '../../../shared/domain/receiving-kpis';
import type { ReturnsState } from '../../../shared/domain/returns';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { act, gtins, scan } from '../receiving/support/receiving';

let t: TestStation;
const minutes = (n: number) => t.clock.advance(n * 60_000);

beforeEach(async () => {
  t = await createTestStation();
});
afterEach(() => t.close());

/** A recorded receiving session: Ana receives mugs onto a tote and puts it away, receives more of PO-1001, closes the receipt, then takes a return. */
async function recordedSession(): Promise<void> {
  await t.signIn('receiver');
  await t.call('workflow.select', { workflow: 'receiving' });
  await scan(t, 'PO-1001');
  await t.call('receiving.lpn.start', { container: 'tote', label: 'internal' });
  await act(t, 'receiving.receive', { itemId: demo.items.mug, qty: 6 });
  minutes(5);
  await act(t, 'receiving.receive', { itemId: demo.items.mug, qty: 6 });
  minutes(15);
  await t.call('receiving.lpn.putaway', {});
  await act(t, 'receiving.receive', { itemId: demo.items.bolt, qty: 500 });
  await scan(t, gtins.tape.unit);
  await t.call('receiving.close', { supervisorBadge: demo.badges.supervisor });

  await t.call('workflow.select', { workflow: 'returns' });
  await scan(t, demo.rma.id);
  for (const [gtin, condition, disposition] of [
    [gtins.mug.unit, 'new', 'restock'],
    [gtins.mug.unit, 'damaged', 'scrap'],
  ] as const) {
    await scan(t, gtin);
    const unit = (await t.call<ReturnsState>('returns.state')).active?.units.find((u) => !u.condition);
    await t.call('returns.condition', { unitId: unit?.unitId, condition });
    await t.call('returns.disposition', { unitId: unit?.unitId, disposition });
  }
  await t.call('returns.close');
}

describe('receiving KPIs', () => {
  it('count lines, units, dock-to-stock, discrepancies and returns of the shift, for the receiver and the station', async () => {
    await recordedSession();
    minutes(40);
    const kpis = await t.call<ReceivingKpis>('receiving.kpis');
    const figures = {
      lines: 4,
      units: 513,
      putAway: 1,
      // The tote's first scan to its putaway: 5 + 15 minutes.
      dockToStockMin: 20,
      discrepancies: { over: 0, short: 2, unexpected: 1, damaged: 0 },
      weightCountShare: 0,
      returns: { returns: 1, units: 2, byDisposition: { restock: 1, refurbish: 0, quarantine: 0, scrap: 1, returnToVendor: 0 } },
    };
    expect(kpis.receiver).toMatchObject({ operatorId: 'OP-ANA', ...figures });
    expect(kpis.shift).toMatchObject(figures);
    expect(kpis.receiver.linesPerHour).toBeGreaterThan(0);
    expect(kpis.receiver.unitsPerHour).toBeGreaterThan(kpis.receiver.linesPerHour);
    expect(Date.parse(kpis.shiftStart)).toBeLessThanOrEqual(t.clock.now().getTime());
    expect(Date.parse(kpis.shiftEnd)).toBeGreaterThan(t.clock.now().getTime());

    // Another receiver's figures are their own; the station's include Ana's.
    await t.call('session.signOut');
    await t.signIn('supervisor');
    const other = await t.call<ReceivingKpis>('receiving.kpis');
    expect(other.receiver).toMatchObject({ operatorId: 'OP-CHLOE', lines: 0, units: 0, putAway: 0, dockToStockMin: null });
    expect(other.receiver.returns.returns).toBe(0);
    expect(other.shift).toMatchObject(figures);
  });

  it('are all zero before anything was received', async () => {
    await t.signIn('receiver');
    const kpis = await t.call<ReceivingKpis>('receiving.kpis');
    expect(kpis.shift).toMatchObject({ lines: 0, units: 0, linesPerHour: 0, dockToStockMin: null, weightCountShare: 0 });
    expect(kpis.shift.returns.units).toBe(0);
  });
});
