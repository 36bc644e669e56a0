import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMasterDataWriter } from '../../../electron/core/storage/master-data';
import type { CountAction } from '../../../shared/contract/counts';
import { demo } from '../../../shared/demo/dataset';
import type { CountTaskSummary, CountView } from '../../../shared/domain/counts';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { gtins, opsOf, scan } from '../receiving/support/receiving';

const LOCATION = demo.countLocation; // CT-0001: 12 mugs expected, blind (site setting), tolerance 1 unit / 2 %

let t: TestStation;
beforeEach(async () => {
  t = await createTestStation();
});
afterEach(async () => {
  await t.close();
});

async function asCounter(who: 'counter' | 'counter2' = 'counter') {
  await t.signIn(who);
  await t.call('workflow.select', { workflow: 'counts' });
}

/** Scans `n` single mugs. */
async function mugs(n: number) {
  for (let i = 0; i < n; i++) expect((await scan(t, gtins.mug.unit)).outcome).toBe('accepted');
}

const current = () => t.call<CountView | null>('counts.current');
const tableCount = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('cycle counts at the station', () => {
  it('counts a task blind, scanning the location first, and posts a variance within tolerance as one count.close', async () => {
    await asCounter();
    const tasks = await t.call<CountTaskSummary[]>('counts.tasks');
    expect(tasks).toEqual([
      expect.objectContaining({ id: demo.countTasks.location, location: LOCATION, blind: true, expectedUnits: null }),
      expect.objectContaining({ id: demo.countTasks.item, sku: 'TAPE-48', blind: false, expectedUnits: 36 }),
    ]);
    const started = await t.call<CountView>('counts.start', { taskId: demo.countTasks.location });
    expect(started).toMatchObject({ status: 'location', blind: true, lines: [] });
    // Goods before the location: refused, nothing counted.
    const early = await scan(t, gtins.mug.unit);
    expect(early).toMatchObject({ outcome: 'refused', reason: 'wrong_location' });
    expect(tableCount('count_scans')).toBe(0);
    expect(await scan(t, LOCATION)).toMatchObject({ outcome: 'accepted', message: { code: 'counts.started' } });
    // A case of 6 and 5 single mugs: 11 of the 12 the cache had.
    expect(await scan(t, gtins.mug.case)).toMatchObject({ outcome: 'accepted', message: { code: 'counts.counted', params: { count: 6 } } });
    await mugs(5);
    const blind = await current();
    expect(blind?.lines).toEqual([expect.objectContaining({ sku: 'MUG-CER-350', counted: 11, expected: null })]);
    const finished = await t.call<CountAction>('counts.finish');
    expect(finished.feedback).toMatchObject({ outcome: 'warning', message: { code: 'counts.postedAdjusted', params: { count: 1 } } });
    expect(finished.count).toBeNull();
    const [op] = opsOf(t, 'count.close');
    expect(op?.payload).toMatchObject({
      taskId: demo.countTasks.location,
      location: LOCATION,
      lines: [{ itemId: demo.items.mug, lot: null, qty: 11 }],
      countedBy: 'OP-EVA',
      recountedBy: null,
      approvedBy: null,
    });
    expect((await t.call<CountTaskSummary[]>('counts.tasks')).map((x) => x.id)).toEqual([demo.countTasks.item]);
  });

  it('judges against the on-hand the cache had when the count started, not a newer pull', async () => {
    await asCounter();
    await t.call('counts.start', { taskId: demo.countTasks.location });
    await scan(t, LOCATION);
    // The ERP's next pull says 20 now (goods moved in after the count started): the count still compares with 12.
    createMasterDataWriter(t.db).countTask({
      id: demo.countTasks.location,
      scope: 'location',
      location: LOCATION,
      itemId: null,
      lpn: null,
      blind: null,
      expected: [{ itemId: demo.items.mug, lot: null, qty: 20 }],
      status: 'open',
      createdAt: t.clock.now().toISOString(),
    });
    await scan(t, gtins.mug.case);
    await scan(t, gtins.mug.case);
    const finished = await t.call<CountAction>('counts.finish');
    expect(finished.feedback).toMatchObject({ outcome: 'accepted', message: { code: 'counts.posted' } });
    expect(opsOf(t, 'count.close')[0]?.payload.lines).toEqual([{ itemId: demo.items.mug, lot: null, qty: 12 }]);
  });

  it('asks for a recount by another operator beyond the tolerance, then a supervisor badge, and posts with all three names', async () => {
    await asCounter();
    await t.call('counts.start', { taskId: demo.countTasks.location });
    await scan(t, LOCATION);
    await scan(t, gtins.mug.case);
    await scan(t, gtins.mug.case);
    await mugs(3);
    const first = await t.call<CountAction>('counts.finish');
    expect(first.feedback).toMatchObject({ outcome: 'warning', reason: 'recount_needed' });
    expect(first.count).toMatchObject({ status: 'recount', round: 1, variances: [] });
    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'refused', reason: 'recount_needed' });
    const same = await t.station.call('counts.recount', {});
    expect(same).toMatchObject({ ok: false, error: { message: { code: 'counts.recountByAnother' } } });
    expect(opsOf(t, 'count.close')).toEqual([]);

    await asCounter('counter2');
    const recount = await t.call<CountView>('counts.recount');
    expect(recount).toMatchObject({ status: 'counting', round: 2, recountedBy: 'Farid Haddad', lines: [] });
    await scan(t, gtins.mug.case);
    await scan(t, gtins.mug.case);
    await mugs(3);
    const second = await t.call<CountAction>('counts.finish');
    expect(second.feedback).toMatchObject({ outcome: 'needs_input', message: { code: 'counts.needsApproval' } });
    expect(second.count?.variances).toEqual([{ sku: 'MUG-CER-350', lot: null, expected: 12, counted: 15, delta: 3 }]);
    // A goods scan now is not an approval; the supervisor's badge scanned is.
    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'needs_input' });
    expect(opsOf(t, 'count.close')).toEqual([]);
    const approved = await scan(t, demo.badges.supervisor);
    expect(approved).toMatchObject({ outcome: 'accepted', message: { code: 'counts.approved', params: { name: 'Chloé Martin' } } });
    const [op] = opsOf(t, 'count.close');
    expect(op?.payload).toMatchObject({
      lines: [{ itemId: demo.items.mug, lot: null, qty: 15 }],
      countedBy: 'OP-EVA',
      recountedBy: 'OP-FARID',
      approvedBy: 'OP-CHLOE',
    });
    expect(await current()).toBeNull();
  });

  it('starts a count by a scanned location, refuses unknown barcodes and another item in an item count, and drops a count', async () => {
    await asCounter();
    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'refused', reason: 'no_count' });
    expect(await scan(t, LOCATION)).toMatchObject({ outcome: 'accepted' });
    expect(await current()).toMatchObject({ taskId: null, location: LOCATION, status: 'counting' });
    expect(await scan(t, '4006381333931')).toMatchObject({ outcome: 'refused', reason: 'unknown_barcode' });
    expect((await t.call<{ cancelled: boolean }>('counts.cancel')).cancelled).toBe(true);
    expect(await current()).toBeNull();

    await t.call('counts.start', { taskId: demo.countTasks.item });
    await scan(t, 'A-01-02-1');
    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'refused', reason: 'wrong_item' });
    expect(await scan(t, gtins.tape.unit)).toMatchObject({
      outcome: 'accepted',
      message: { code: 'counts.countedOf', params: { count: 1, expected: 36 } },
    });
    expect(opsOf(t, 'count.close')).toEqual([]);
  });

  it('counts a license plate the station received by scanning its label: its contents at once', async () => {
    await t.signIn('receiver');
    await t.call('workflow.select', { workflow: 'receiving' });
    await t.call('receiving.open', { reference: demo.po });
    const tote = await t.call<{ lpn: string }>('receiving.lpn.start', { container: 'tote', label: 'internal' });
    await scan(t, gtins.mug.unit);
    await scan(t, gtins.mug.unit);
    await asCounter();
    await scan(t, LOCATION);
    expect(await scan(t, tote.lpn)).toMatchObject({ outcome: 'accepted', message: { code: 'counts.lpnCounted', params: { count: 2 } } });
    expect((await current())?.lines).toEqual([expect.objectContaining({ sku: 'MUG-CER-350', counted: 2 })]);
  });
});
