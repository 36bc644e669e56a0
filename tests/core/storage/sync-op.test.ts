import { describe, expect, it } from 'vitest';
import { StationError } from '../../../electron/core/kernel/errors';
import { syncOp } from '../../../electron/core/storage/sync-op';

describe('sync ops', () => {
  it('answers a valid payload as the protocol parses it', () => {
    expect(syncOp('order.problem', { orderId: 'SO-2001', reason: 'torn box' })).toEqual({
      kind: 'order.problem',
      payload: { orderId: 'SO-2001', reason: 'torn box' },
    });
  });

  it('refuses a payload the server would refuse as a rule error that names the field, never a raw validation error', () => {
    let thrown: unknown;
    try {
      syncOp('order.problem', { orderId: '', reason: 'torn box' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StationError);
    expect(thrown).toMatchObject({ code: 'rule' });
    expect((thrown as StationError).operatorMessage).toMatchObject({ code: 'errors.notForServer' });
    expect(JSON.stringify((thrown as StationError).operatorMessage)).toMatch(/order\.problem: orderId/);
  });
});
