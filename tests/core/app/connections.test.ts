import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationConnection } from '../../../electron/core/app/station';
import { demo } from '../../../shared/demo/dataset';
import type { SyncState } from '../../../shared/domain/sync-state';
import { createTestStation, type TestStation } from '../../support/station-fixture';

/** A connection and every event it received, in order. */
function watch(connection: StationConnection) {
  const events: { event: string; payload: unknown }[] = [];
  connection.subscribe((event, payload) => events.push({ event, payload }));
  return { connection, events, of: (name: string) => events.filter((e) => e.event === name) };
}

describe('connections and their sessions', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
  });
  afterEach(() => t.close());

  const hardwareScan = (data: string) => t.station.scan({ data, symbology: 'ean-13', source: 'serial', at: t.clock.now().toISOString() });

  it('sends a hardware scan to the most recently active signed-in connection', async () => {
    const dock = watch(t.station.connect());
    const office = watch(t.station.connect());
    await dock.connection.call('session.signIn', { badge: demo.badges.receiver });
    await office.connection.call('session.signIn', { badge: demo.badges.packer });
    await dock.connection.call('session.current', {});
    await hardwareScan('4006381333931');
    expect(dock.of('scan.result')).toHaveLength(1);
    expect(office.of('scan.result')).toHaveLength(0);

    await office.connection.call('session.current', {});
    await hardwareScan('4006381333931');
    expect(office.of('scan.result')).toHaveLength(1);

    // A signed-in connection wins over a more recently active signed-out one.
    await office.connection.call('session.signOut', {});
    await hardwareScan('4006381333931');
    expect(dock.of('scan.result')).toHaveLength(2);
    expect(office.of('scan.result')).toHaveLength(1);
  });

  it('signs a badge scanned on a scanner in at the most recently active connection when nobody is signed in', async () => {
    const first = watch(t.station.connect());
    const second = watch(t.station.connect());
    await first.connection.call('station.info', {});
    await second.connection.call('station.info', {});
    await hardwareScan(demo.badges.packer);
    expect(await second.connection.call('session.current', {})).toMatchObject({ ok: true, value: { id: 'OP-BEN' } });
    expect(await first.connection.call('session.current', {})).toEqual({ ok: true, value: null });
    expect(first.of('session.changed')).toEqual([]);
  });

  it('signs the operator out (journaled) when their connection closes, and drops its events', async () => {
    const window = watch(t.station.connect());
    await window.connection.call('session.signIn', { badge: demo.badges.packer });
    window.connection.close();
    await t.signIn('supervisor');
    const journal = await t.call<{ kind: string; operatorId: string | null }[]>('journal.recent', { limit: 10 });
    expect(journal.find((e) => e.kind === 'session.signOut')).toMatchObject({ operatorId: 'OP-BEN' });
    expect(await window.connection.call('session.current', {})).toMatchObject({ ok: false, error: { code: 'offline' } });
    const seen = window.events.length;
    t.station.context.bus.emit('sync.state', await t.call<SyncState>('sync.state'));
    expect(window.events.length).toBe(seen);
  });
});
