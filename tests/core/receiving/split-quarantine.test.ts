import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demo } from '../../../shared/demo/dataset';
import type { LpnView, PutawayPlan } from '../../../shared/domain/receiving';
import { english } from '../../support/english';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { act, gs1Date, gtins, onReceiving, opsOf, scan, snapshot, view } from './support/receiving';

describe('a mixed pallet split before putaway, and quarantine only with a supervisor badge', () => {
  let t: TestStation;
  let pallet: string;
  beforeEach(async () => {
    t = await createTestStation();
    await onReceiving(t);
    await scan(t, 'PO-1001');
    pallet = (await t.call<LpnView>('receiving.lpn.start', { container: 'pallet', label: 'sscc' })).lpn;
    await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 30)}10L2411A`);
    await t.call('receiving.setCondition', { condition: 'damaged', reason: 'broken handle' });
    await scan(t, gtins.mug.unit);
  });
  afterEach(async () => t.close());

  it('moves the held unit onto its own plate so the rest gets its normal place; quarantine waits for a badge', async () => {
    const mixed = await t.call<PutawayPlan>('receiving.lpn.suggest', { lpn: pallet });
    expect(mixed.suggestions.every((s) => s.zone === 'Q')).toBe(true);
    const before = snapshot(t);
    const refused = await t.station.call('receiving.lpn.putaway', { lpn: pallet });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.ok ? '' : english(refused.error.message)).toContain('13 units');
    expect(snapshot(t)).toEqual(before);

    const split = await act(t, 'receiving.lpn.split', { lpn: pallet, itemId: demo.items.mug, onHold: true, qty: 1 });
    expect(split.feedback).toMatchObject({ outcome: 'accepted' });
    const plates = (await view(t)).lpns;
    const tote = plates.find((p) => p.lpn !== pallet);
    expect(tote?.items).toEqual([expect.objectContaining({ itemId: demo.items.mug, qty: 1, onHold: true })]);
    expect(plates.find((p) => p.lpn === pallet)?.items).toEqual([expect.objectContaining({ itemId: demo.items.yoghurt, qty: 12 })]);
    expect(opsOf(t, 'lpn.split').map((o) => o.payload)).toEqual([
      { fromLpn: pallet, toLpn: tote?.lpn, items: [{ itemId: demo.items.mug, lot: null, serial: null, qty: 1 }] },
    ]);

    // The yoghurt goes to cold storage as any pallet; the held mug to quarantine once a supervisor approves.
    const cold = await t.call<LpnView>('receiving.lpn.putaway', { lpn: pallet });
    expect(cold.location).toMatch(/^C-/);
    expect((await t.station.call('receiving.lpn.putaway', { lpn: tote?.lpn })).ok).toBe(false);
    expect((await t.station.call('receiving.lpn.putaway', { lpn: tote?.lpn, supervisorBadge: demo.badges.packer })).ok).toBe(false);
    const held = await t.call<LpnView>('receiving.lpn.putaway', { lpn: tote?.lpn, supervisorBadge: demo.badges.supervisor });
    expect(held.location).toMatch(/^Q-/);
    expect(opsOf(t, 'lpn.putaway').map((o) => o.payload.lpn)).toEqual([pallet, tote?.lpn]);
  });

  it('splits part of a received line, and no longer undoes that scan as a whole', async () => {
    await t.call('receiving.setCondition', { condition: 'good' });
    await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 30)}10L2411A`);
    await act(t, 'receiving.lpn.split', { lpn: pallet, itemId: demo.items.yoghurt, lot: 'L2411A', qty: 5, container: 'pallet' });
    const plates = (await view(t)).lpns;
    expect(plates.find((p) => p.lpn === pallet)?.items.find((i) => i.itemId === demo.items.yoghurt)?.qty).toBe(19);
    expect(plates.find((p) => p.lpn !== pallet)?.items).toEqual([expect.objectContaining({ itemId: demo.items.yoghurt, qty: 5 })]);
    expect((await view(t)).lines.find((l) => l.itemId === demo.items.yoghurt)?.received).toBe(24);
    const before = snapshot(t);
    expect((await act(t, 'receiving.undo')).feedback).toMatchObject({ outcome: 'refused', reason: 'moved' });
    expect(snapshot(t)).toEqual(before);
  });

  it('refuses a split of more than is on the plate, of everything on it, or of a plate put away, changing nothing', async () => {
    const before = snapshot(t);
    for (const input of [
      { lpn: pallet, itemId: demo.items.mug, qty: 2 },
      { lpn: pallet, itemId: demo.items.yoghurt, qty: 12, onHold: true },
      { lpn: pallet, itemId: demo.items.bolt, qty: 1 },
      { lpn: 'LPN-NOT-HERE', itemId: demo.items.mug, qty: 1 },
      { lpn: pallet, itemId: demo.items.mug, qty: -1 },
      { lpn: pallet, itemId: demo.items.mug, qty: 1, extra: 'x' },
    ]) {
      expect((await t.station.call('receiving.lpn.split', input)).ok, JSON.stringify(input)).toBe(false);
    }
    await act(t, 'receiving.lpn.split', { lpn: pallet, itemId: demo.items.yoghurt, qty: 12 });
    const all = await t.station.call('receiving.lpn.split', { lpn: pallet, itemId: demo.items.mug, qty: 1 });
    expect(all.ok ? '' : english(all.error.message)).toContain('everything on');
    expect(snapshot(t).lines).toBe(before.lines);
  });

  it('takes a putaway back: the plate is at the dock again and the server is told; a plate not put away is refused', async () => {
    await act(t, 'receiving.lpn.split', { lpn: pallet, itemId: demo.items.mug, onHold: true, qty: 1 });
    const placed = await t.call<LpnView>('receiving.lpn.putaway', { lpn: pallet });
    expect((await t.station.call('receiving.lpn.undoPutaway', { lpn: 'LPN-NOT-HERE' })).ok).toBe(false);
    const before = snapshot(t);
    const notPlaced = await t.station.call('receiving.lpn.undoPutaway', { lpn: (await view(t)).lpns.find((p) => p.lpn !== pallet)?.lpn });
    expect(notPlaced).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(snapshot(t)).toEqual(before);

    const back = await act(t, 'receiving.lpn.undoPutaway', { lpn: pallet });
    expect(back.feedback).toMatchObject({ outcome: 'accepted' });
    expect(back.receipt?.lpns.find((p) => p.lpn === pallet)?.location).toBeNull();
    expect(opsOf(t, 'lpn.putaway.undo').map((o) => o.payload)).toEqual([
      { lpn: pallet, location: placed.location, items: [{ itemId: demo.items.yoghurt, lot: 'L2411A', serial: null, qty: 12 }] },
    ]);
    expect((await t.station.call('receiving.lpn.undoPutaway', { lpn: pallet })).ok).toBe(false);
  });
});
