import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Host, MAX_MESSAGE_BYTES, MAX_QUEUED_CALLS, startHost } from '../../electron/core/app/host';
import { loadDatasetIntoCache } from '../../electron/core/storage/load-demo';
import { openStationDatabase } from '../../electron/core/storage/open';
import { buildDemoDataset, demo } from '../../shared/demo/dataset';
import { connectHost, type HostClient, withToken } from '../support/host-client';
import { createTestStation, type TestStation } from '../support/station-fixture';
import { tempDir } from '../support/temp-dir';
import { until, within } from './support/until';

/** One raw HTTP/1.1 request, exactly as written (no client-side URL normalising); resolves with the status code. */
function rawRequest(port: number, target: string, headers = ''): Promise<number> {
  return new Promise((done, fail) => {
    const socket = connectTcp(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', fail);
    socket.on('close', () => done(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.write(`GET ${target} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${headers}connection: close\r\n\r\n`);
  });
}

describe('the host under hostile input (real sockets, real host)', () => {
  let t: TestStation;
  let host: Host;
  let staticDir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    t = await createTestStation();
    staticDir = tempDir();
    writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>station</title>');
    host = await startHost({ station: t.station, staticDir: staticDir.path, tokenFile: join(t.dir, 'host.token') });
  });
  afterEach(async () => {
    await host.close();
    await t.close();
    staticDir.remove();
  });
  const local = () => withToken(host.wsUrl, host.token);
  const ownOrigin = () => `http://127.0.0.1:${host.port}`;

  it('answers undecodable, NUL-carrying and overlong URLs with 400 and keeps serving', async () => {
    for (const target of ['/%', '/%E0%A4%A', '/%C0', '/a%00b', `/${'a'.repeat(5000)}`, '/%%'])
      expect([target.slice(0, 20), await rawRequest(host.port, target)]).toEqual([target.slice(0, 20), 400]);
    expect(await rawRequest(host.port, '/..%2f..%2fetc%2fpasswd')).toBe(403);
    expect(await rawRequest(host.port, '/healthz')).toBe(200);
    const client = await connectHost(local());
    expect((await client.call('station.info')).ok).toBe(true);
    client.close();
  });

  it('closes a socket that sends a frame over the limit with 1009 and one with invalid UTF-8 with 1007; the others go on', async () => {
    const bystander = await connectHost(local());
    const big = await connectHost(local());
    big.ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect((await within(big.closed, 'the oversized socket to close', 10_000)).code).toBe(1009);
    const garbled = await connectHost(local());
    garbled.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await within(garbled.closed, 'the invalid UTF-8 socket to close', 10_000)).code).toBe(1007);
    expect(await bystander.call('session.signIn', { badge: demo.badges.packer })).toMatchObject({ ok: true });
    bystander.close();
  });

  it('refuses upgrades without the token, from another Host or Origin, before the upgrade', async () => {
    await expect(connectHost(host.wsUrl)).rejects.toThrow('HTTP 401');
    await expect(connectHost(withToken(host.wsUrl, 'guessed'))).rejects.toThrow('HTTP 401');
    await expect(connectHost(local(), { headers: { host: `evil.example:${host.port}` } })).rejects.toThrow('HTTP 403');
    await expect(connectHost(local(), { headers: { host: `127.0.0.1:${host.port + 1}` } })).rejects.toThrow('HTTP 403');
    await expect(connectHost(local(), { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    // The page's own Origin still needs the cookie the host set on its page: the query token alone is not enough.
    await expect(connectHost(host.wsUrl, { origin: ownOrigin() })).rejects.toThrow('HTTP 401');
    await expect(connectHost(local(), { origin: ownOrigin() })).rejects.toThrow('HTTP 401');
    const cookie = `warebench-host-${host.port}=${host.token}`;
    await expect(connectHost(host.wsUrl, { origin: 'http://evil.example', headers: { cookie } })).rejects.toThrow('HTTP 403');
    (await connectHost(host.wsUrl, { origin: ownOrigin(), headers: { cookie } })).close();
    (await connectHost(local(), { headers: { host: `localhost:${host.port}` } })).close();
  });

  it('hands its own page the token as an HttpOnly SameSite=Strict cookie, and local tools a 0600 file', async () => {
    const page = await fetch(host.url);
    const setCookie = page.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`warebench-host-${host.port}=${host.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(page.headers.get('content-security-policy')).toContain(`ws://127.0.0.1:${host.port} `);
    const file = join(t.dir, 'host.token');
    expect(readFileSync(file, 'utf8').trim()).toBe(host.token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('gives each connection its own session and keeps operator and scan events on it', async () => {
    const ana = await connectHost(local());
    const spy = await connectHost(local());
    expect(await ana.call('session.signIn', { badge: demo.badges.receiver })).toMatchObject({ ok: true });
    expect(await ana.call('scan.submit', { data: '4006381333931' })).toMatchObject({ ok: true });
    // A hardware scan goes to the signed-in connection, not to the spy.
    await t.station.scan({ data: '4006381333931', symbology: 'ean-13', source: 'serial', at: new Date().toISOString() });
    // Device health (no operator, no scan data) reaches everyone; the spy, signed out, without the detail.
    t.station.context.bus.emit('device.status', {
      id: 'printer-1',
      role: 'label',
      kind: 'printer',
      transport: 'tcp',
      label: 'Zebra at 10.0.0.7:9100',
      connection: 'error',
      detail: 'no answer from 10.0.0.7:9100',
      since: new Date().toISOString(),
    });
    await until(() => spy.events('device.status').length === 1 && ana.events('device.status').length === 1, 'device health on both');
    expect(await spy.call('session.current')).toEqual({ ok: true, value: null });
    expect(ana.events('session.changed')).toHaveLength(1);
    expect(ana.events('scan.result')).toHaveLength(2);
    expect(spy.events('session.changed')).toEqual([]);
    expect(spy.events('scan.result')).toEqual([]);
    expect(spy.events('device.status')[0]).not.toHaveProperty('detail');
    expect(JSON.stringify(spy.messages)).not.toContain('10.0.0.7');
    expect(JSON.stringify(spy.messages)).not.toContain('OP-ANA');
    expect(ana.events('device.status')[0]).toMatchObject({ detail: 'no answer from 10.0.0.7:9100' });
    // The spy cannot act as Ana: its calls are its own session's.
    expect(await spy.call('workflow.select', { workflow: 'receiving' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    ana.close();
    spy.close();
  });

  it('answers a flood on one socket with busy at once while another socket is answered before the flood drains', async () => {
    const order: string[] = [];
    const noisy = await connectHost(local(), {
      onMessage: (m) => m.type === 'result' && order.push(m.result.ok ? 'noisy' : `noisy:${m.result.error.code}`),
    });
    const quiet = await connectHost(local(), { onMessage: (m) => m.type === 'result' && order.push('quiet') });
    const flood = 2000;
    const frames = Array.from({ length: flood }, (_, i) =>
      JSON.stringify({ type: 'invoke', id: i + 1, command: 'scan.submit', input: { data: `NOISE-${i}` } }),
    );
    for (const frame of frames) noisy.ws.send(frame);
    const quietAnswer = quiet.call('station.info');
    expect((await within(quietAnswer, 'the quiet socket to be answered')).ok).toBe(true);
    await until(() => order.filter((o) => o.startsWith('noisy')).length === flood, 'every flood call answered');
    const ran = order.filter((o) => o === 'noisy' || o === 'noisy:not_signed_in').length;
    const busy = order.filter((o) => o === 'noisy:busy').length;
    expect(busy).toBeGreaterThan(0);
    expect(ran + busy).toBe(flood);
    expect(ran).toBeGreaterThanOrEqual(MAX_QUEUED_CALLS);
    // The quiet socket's call did not wait behind every call the noisy socket had queued.
    const lastRun = order.lastIndexOf('noisy:not_signed_in');
    expect(order.indexOf('quiet')).toBeLessThan(lastRun);
    noisy.close();
    quiet.close();
  });

  it('tells a signed-out connection only what the sign-in screen needs', async () => {
    const client = await connectHost(local());
    const info = await client.call('station.info');
    expect(info).toMatchObject({ ok: true, value: { dataDir: '' } });
    expect(JSON.stringify(info)).not.toContain(t.dir);
    expect(await client.call('sync.state')).toMatchObject({ ok: true, value: { serverUrl: null, lastError: null } });
    // Open work is told as such, without naming the PO.
    await t.signIn('receiver');
    await t.call('workflow.select', { workflow: 'receiving' });
    await t.call('scan.submit', { data: 'PO-1001' });
    const busy = await client.call('station.busy');
    expect(busy).toMatchObject({ ok: true, value: { busy: true } });
    expect(JSON.stringify(busy)).not.toContain('PO-1001');
    // The station is set up: its setup (server, devices, paths) is for signed-in supervisors only.
    expect(await client.call('setup.state')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await client.call('session.signIn', { badge: demo.badges.receiver });
    expect(await client.call('station.info')).toMatchObject({ ok: true, value: { dataDir: t.dir } });
    client.close();
  });
});

const root = resolve(import.meta.dirname, '..', '..');
const ServeLine = (line: string) => JSON.parse(line) as { url: string; ws: string; tokenFile: string; corePid: number; dataDir: string };

describe('the browser shell supervises its core', () => {
  const started: ChildProcess[] = [];
  const folders: string[] = [];
  afterAll(async () => {
    for (const child of started) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await within(exited, 'the shell to stop', 15_000).catch(() => child.kill('SIGKILL'));
    }
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('restarts a killed core with the host still up, and the window learns it (1012, then a signed-out session)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warebench-supervisor-'));
    folders.push(dataDir);
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ stationName: 'Crash bench', server: null }));
    // The demo operators in the cache, without starting a server: the shell runs standalone.
    const db = await openStationDatabase(join(dataDir, 'station.sqlite'));
    loadDatasetIntoCache(db, buildDemoDataset(new Date()));
    db.close();
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['electron/cli.ts', 'serve', '--json', '--data-dir', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const line = await until(() => out.split('\n').find((l) => l.startsWith('{')), 'the shell to print its addresses', 60_000);
    const shell = ServeLine(line);
    const token = readFileSync(shell.tokenFile, 'utf8').trim();
    const window: HostClient = await connectHost(withToken(shell.ws, token));
    expect(await window.call('session.signIn', { badge: demo.badges.packer })).toMatchObject({ ok: true });

    process.kill(shell.corePid, 'SIGKILL');
    expect((await within(window.closed, 'the window to be told', 15_000)).code).toBe(1012);
    expect(child.exitCode).toBeNull();
    expect(await rawRequest(Number(new URL(shell.url).port), '/healthz')).toBe(200);

    const again = await connectHost(withToken(shell.ws, token));
    const session = await until(
      async () => {
        const answer = await again.call('session.current');
        return answer.ok ? answer : undefined;
      },
      'the restarted core to answer',
      60_000,
    );
    expect(session).toEqual({ ok: true, value: null });
    expect(await again.call('session.signIn', { badge: demo.badges.packer })).toMatchObject({ ok: true });
    again.close();
  }, 120_000);
});
