import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStation, type TestStation } from '../support/station-fixture';

interface Entry {
  kind: string;
  payload: { reason?: string; repeated?: number };
}

describe('a flood of identical refused scans', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
    await t.signIn('receiver');
    await t.call('workflow.select', { workflow: 'receiving' });
    await t.call('scan.submit', { data: 'PO-1001' });
  });
  afterEach(() => t.close());

  const refusals = async () => (await t.call<Entry[]>('journal.recent', { limit: 500 })).filter((e) => e.kind === 'receiving.refused');

  it('is journaled once a second, with the count of the repeats it stands for', async () => {
    for (let i = 0; i < 50; i++)
      expect(await t.call('scan.submit', { data: '09506000134352' })).toMatchObject({ outcome: 'refused', reason: 'unknown_barcode' });
    expect(await refusals()).toHaveLength(1);

    t.clock.advance(1500);
    await t.call('scan.submit', { data: '09506000134352' });
    const after = await refusals();
    expect(after).toHaveLength(2);
    expect(after.map((e) => e.payload.repeated ?? 0).sort()).toEqual([0, 49]);
  });

  it('journals a different refusal at once, and the repeats of the one before it with their count', async () => {
    for (let i = 0; i < 10; i++) await t.call('scan.submit', { data: '09506000134352' });
    await t.call('scan.submit', { data: '09506000134353' });
    const entries = await refusals();
    expect(entries.map((e) => [e.payload.reason, e.payload.repeated ?? 0]).sort()).toEqual(
      [
        ['unknown_barcode', 0],
        ['unknown_barcode', 9],
        ['unreadable', 0],
      ].sort(),
    );
  });
});
