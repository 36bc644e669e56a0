import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { english } from '../../support/english';
import { createTestStation, type TestStation } from '../../support/station-fixture';

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
    // The answer never repeats the badge: a badge is a credential.
    if (!result.ok) expect(english(result.error.message)).not.toContain('9999');
    expect(await t.call('session.current')).toBeNull();
  });

  it('a hardware scan of a badge signs the operator in, anything else is refused with a bad sound', async () => {
    const events: string[] = [];
    t.station.subscribe((e) => events.push(e));
    const refused = await t.station.scan({
      data: '09506000134352',
      symbology: 'unknown',
      source: 'serial',
      at: t.clock.now().toISOString(),
    });
    expect(refused).toMatchObject({ outcome: 'refused', sound: 'bad', reason: 'not_signed_in' });
    const welcome = await t.station.scan({ data: '1001', symbology: 'unknown', source: 'serial', at: t.clock.now().toISOString() });
    expect(welcome).toMatchObject({ outcome: 'accepted', sound: 'good' });
    expect(await t.call<{ id: string }>('session.current')).toMatchObject({ id: 'OP-ANA' });
    expect(events).toContain('session.changed');
    expect(events.filter((e) => e === 'scan.result')).toHaveLength(2);
  });

  it('a keyboard-wedge scan has its AIM prefix split off as a serial scan does, and is answered the same', async () => {
    await t.signIn('receiver');
    await t.call('workflow.select', { workflow: 'receiving' });
    const results: unknown[] = [];
    t.station.subscribe((event, payload) => {
      if (event === 'scan.result') results.push(payload);
    });
    const body = '0109506000134352';
    const wedge = await t.call('scan.submit', { data: `]C1${body}` });
    const serial = await t.station.scan({
      data: body,
      symbology: 'gs1-128',
      aimId: ']C1',
      source: 'serial',
      at: t.clock.now().toISOString(),
    });
    expect(wedge).toEqual(serial);
    expect(results).toEqual([
      { ...serial, data: body },
      { ...serial, data: body },
    ]);
  });

  it('records an action and its sync op in one transaction, or neither', async () => {
    await t.signIn('packer');
    const ctx = t.station.context;
    const operator = ctx.badges.holder('1002');
    if (!operator) throw new Error('demo packer missing');
    expect(() =>
      ctx.record(
        operator,
        { kind: 'test.action', payload: {}, op: { kind: 'order.problem', payload: { orderId: 'SO-2001', reason: 'x' } } },
        () => {
          throw new Error('change failed half way');
        },
      ),
    ).toThrow('change failed half way');
    expect(ctx.outbox.depth()).toBe(0);
    expect(ctx.journal.recent(1)[0]?.kind).not.toBe('test.action');
    const recorded = ctx.record(
      operator,
      { kind: 'test.action', payload: { n: 1 }, op: { kind: 'order.problem', payload: { orderId: 'SO-2001', reason: 'x' } } },
      () => 'changed',
    );
    expect(ctx.outbox.depth()).toBe(1);
    expect(recorded.value).toBe('changed');
    expect(ctx.outbox.pending(10).map((op) => op.opId)).toEqual([recorded.opId]);
    expect(ctx.journal.recent(1)[0]).toMatchObject({ kind: 'test.action', operatorId: 'OP-BEN' });
    expect(ctx.record(operator, { kind: 'test.note', payload: {} }).opId).toBeNull();
  });

  it('keeps a workflow to the roles that work it, and a new operator starts at home', async () => {
    await t.signIn('packer');
    const refused = await t.station.call('workflow.select', { workflow: 'receiving' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(english(refused.error.message)).toContain('may not work in Receiving');

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
