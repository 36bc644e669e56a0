import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Host, startHost } from '../../../electron/core/app/host';
import { createTestStation, type TestStation } from '../../support/station-fixture';

function connect(url: string, origin?: string, cookie?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { ...(origin ? { origin } : {}), ...(cookie ? { headers: { cookie } } : {}) });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextMessage(
  ws: WebSocket,
  match: (m: { type: string; id?: number | null; event?: string }) => boolean = () => true,
): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const m = JSON.parse(raw.toString()) as { type: string; id?: number | null; event?: string };
      if (match(m)) {
        ws.off('message', onMessage);
        resolve(m as Record<string, unknown>);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('core host on a loopback WebSocket', () => {
  let t: TestStation;
  let host: Host;
  beforeEach(async () => {
    t = await createTestStation();
    host = await startHost({ station: t.station });
  });
  /** A local tool's address: the socket with this launch's token. */
  const local = () => `${host.wsUrl}?token=${host.token}`;
  afterEach(async () => {
    await host.close();
    await t.close();
  });

  it('listens on 127.0.0.1 only and answers an invoke with its result', async () => {
    expect(host.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws$/);
    const ws = await connect(local());
    const reply = nextMessage(ws, (m) => m.type === 'result');
    ws.send(JSON.stringify({ type: 'invoke', id: 7, command: 'session.signIn', input: { badge: '1002' } }));
    expect(await reply).toMatchObject({ type: 'result', id: 7, result: { ok: true, value: { id: 'OP-BEN' } } });
    ws.close();
  });

  it('pushes events to connected clients', async () => {
    const ws = await connect(local());
    const event = nextMessage(ws, (m) => m.type === 'event' && m.event === 'session.changed');
    ws.send(JSON.stringify({ type: 'invoke', id: 1, command: 'session.signIn', input: { badge: '1001' } }));
    expect(await event).toMatchObject({ payload: { operator: { id: 'OP-ANA' } } });
    ws.close();
  });

  it('answers malformed messages with ok:false and changes nothing', async () => {
    const ws = await connect(local());
    const before = t.station.context.journal.recent(1000).length;
    for (const bad of [
      'not json',
      '{"type":"invoke"}',
      JSON.stringify({ type: 'invoke', id: -1, command: 'x' }),
      JSON.stringify({ type: 'invoke', id: 3, command: 'session.signIn', input: { badge: 12 } }),
      '[]',
      'null',
    ]) {
      const reply = nextMessage(ws, (m) => m.type === 'result');
      ws.send(bad);
      const m = (await reply) as { result: { ok: boolean; error: { code: string } } };
      expect(m.result.ok).toBe(false);
      expect(['bad_message', 'invalid_input']).toContain(m.result.error.code);
    }
    expect(t.station.context.journal.recent(1000).length).toBe(before);
    expect(await t.call('session.current')).toBeNull();
    ws.close();
  });

  it('refuses a WebSocket from another web origin', async () => {
    await expect(connect(local(), 'https://evil.example')).rejects.toThrow(/401|403/);
    const ok = await connect(host.wsUrl, `http://127.0.0.1:${host.port}`, `warebench-host-${host.port}=${host.token}`);
    ok.close();
  });
});
