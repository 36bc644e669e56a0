import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStation, type TestStation } from '../support/station-fixture';

describe('session and scan routing', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
  });
  afterEach(async () => t.close());

  it('signs in by typed badge and journals who signed in', async () => {
    const op = await t.call<{ name: string }>('session.signIn', { badge: ' 1002 ' });
    expect(op.name).toBe('Ben Okafor');
    const journal = await t.call<{ kind: string; operatorId: string }[]>('journal.recent', { limit: 5 });
    expect(journal[0]).toMatchObject({ kind: 'session.signIn', operatorId: 'OP-BEN' });
  });

  it('refuses an unknown badge with a clear message and stays signed out', async () => {
    const result = await t.station.call('session.signIn', { badge: '9999' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!result.ok) expect(result.error.message).toContain('9999');
    expect(await t.call('session.current')).toBeNull();
  });

  it('a hardware scan of a badge signs the operator in, anything else is refused with a bad sound', async () => {
    const events: string[] = [];
    t.station.subscribe((e) => events.push(e));
    const refused = await t.station.scan({ data: '09506000134352', symbology: 'unknown', source: 'serial', at: t.clock.now().toISOString() });
    expect(refused).toMatchObject({ decision: 'rejected', sound: 'bad', reason: 'not_signed_in' });
    const welcome = await t.station.scan({ data: '1001', symbology: 'unknown', source: 'serial', at: t.clock.now().toISOString() });
    expect(welcome).toMatchObject({ decision: 'accepted', sound: 'good' });
    expect(await t.call<{ id: string }>('session.current')).toMatchObject({ id: 'OP-ANA' });
    expect(events).toContain('session.changed');
    expect(events.filter((e) => e === 'scan.result')).toHaveLength(2);
  });

  it('records an action and its sync op in one transaction, or neither', async () => {
    await t.signIn('packer');
    const ctx = t.station.context;
    const operator = ctx.operatorByBadge('1002');
    if (!operator) throw new Error('demo packer missing');
    expect(() => ctx.record(operator, { kind: 'test.action', payload: {}, op: { kind: 'order.problem', payload: { orderId: 'SO-2001', reason: 'x' } } }, () => {
      throw new Error('change failed half way');
    })).toThrow('change failed half way');
    expect(ctx.outbox.depth()).toBe(0);
    expect(ctx.journal.recent(1)[0]?.kind).not.toBe('test.action');
    ctx.record(operator, { kind: 'test.action', payload: { n: 1 }, op: { kind: 'order.problem', payload: { orderId: 'SO-2001', reason: 'x' } } });
    expect(ctx.outbox.depth()).toBe(1);
    expect(ctx.journal.recent(1)[0]).toMatchObject({ kind: 'test.action', operatorId: 'OP-BEN' });
  });

  it('keeps a workflow to the roles that work it, and a new operator starts at home', async () => {
    await t.signIn('packer');
    const refused = await t.station.call('workflow.select', { workflow: 'receiving' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(refused.error.message).toContain('receiver');

    await t.signIn('receiver');
    await t.call('workflow.select', { workflow: 'receiving' });
    expect(t.station.context.currentWorkflow()).toBe('receiving');
    await t.signIn('packer');
    expect(t.station.context.currentWorkflow()).toBe('home');
    const scan = await t.station.scan({ data: '10614141000026', symbology: 'unknown', source: 'serial', at: t.clock.now().toISOString() });
    expect(scan.workflow).toBe('home');
    expect(t.station.context.outbox.depth()).toBe(0);
  });
});
