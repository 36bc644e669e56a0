import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkInJournal } from '../../../electron/core/storage/journal';
import { createTestStation, type TestStation } from '../../support/station-fixture';

describe('station.busy', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
  });
  afterEach(async () => t.close());

  it('is idle when no probe reports open work', async () => {
    expect(await t.call('station.busy')).toEqual({ busy: false, reason: null });
  });

  it('reports an open carton from the journal until the carton is closed', async () => {
    await t.signIn('packer');
    const { context } = t.station;
    context.busy.register(
      'packing',
      openWorkInJournal(t.db, {
        what: 'carton',
        opens: ['carton.opened'],
        closes: ['carton.closed', 'carton.cancelled'],
        idField: 'cartonId',
      }),
    );
    const at = t.clock.now().toISOString();
    context.journal.append('carton.opened', { cartonId: 'C-1' }, 'OP-1', at);
    context.journal.append('carton.opened', { cartonId: 'C-2' }, 'OP-1', at);
    context.journal.append('carton.closed', { cartonId: 'C-1' }, 'OP-1', at);
    expect(await t.call('station.busy')).toEqual({ busy: true, reason: 'carton C-2 is open' });
    // Signed out, the station says only that work is open, not which carton.
    await t.call('session.signOut');
    expect(await t.call('station.busy')).toEqual({ busy: true, reason: 'work is open at the station' });
    await t.signIn('packer');
    context.journal.append('carton.cancelled', { cartonId: 'C-2' }, 'OP-1', at);
    expect(await t.call('station.busy')).toEqual({ busy: false, reason: null });
  });

  it('counts a failing probe as busy, and forgets a probe once unregistered', async () => {
    await t.signIn('supervisor');
    const off = t.station.context.busy.register('broken', () => {
      throw new Error('table missing');
    });
    const result = await t.call<{ busy: boolean; reason: string }>('station.busy');
    expect(result.busy).toBe(true);
    expect(result.reason).toContain('table missing');
    off();
    expect(await t.call('station.busy')).toEqual({ busy: false, reason: null });
  });
});
