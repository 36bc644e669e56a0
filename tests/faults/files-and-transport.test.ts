import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootStation } from '../../electron/core/app/boot';
import type { Station } from '../../electron/core/app/station';
import { ConfigError, loadStationConfig } from '../../electron/core/kernel/config';
import { silentLogger } from '../../electron/core/kernel/log';
import { insecureUrlProblem } from '../../electron/core/kernel/transport';
import { collectDiagnostics } from '../../electron/core/setup/diagnostics';
import { SUPPORT_BUNDLE_INTERVAL_MS, SUPPORT_BUNDLES_KEPT } from '../../electron/core/setup/support-bundle';
import { createTestStation, type TestStation } from '../support/station-fixture';
import { tempDir } from '../support/temp-dir';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const CREDENTIAL = 'c'.repeat(40);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(prefix: string): string {
  const dir = tempDir(prefix);
  cleanups.push(() => dir.remove());
  return dir.path;
}

async function boot(dataDir: string): Promise<Station> {
  const station = await bootStation({ dataDir, log: silentLogger() });
  cleanups.push(() => station.close());
  return station;
}

describe('files of the data folder are the station user’s only', () => {
  it('the folder is 0700; the cache, its WAL, the key, the config, the lock 0600; logs and the embedded PGlite folder 0700', async () => {
    const dataDir = folder('wb-modes-');
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ stationName: 'Modes' }), { mode: 0o644 });
    const first = await bootStation({ dataDir });
    await first.call('session.signIn', { badge: '1002' });
    await first.close();

    // An older version left everything readable by all: the next start narrows it.
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), statSync(join(dataDir, name)).isDirectory() ? 0o755 : 0o644);
    const station = await bootStation({ dataDir });
    cleanups.push(() => station.close());
    await station.call('session.signIn', { badge: '1002' });

    expect(modeOf(dataDir)).toBe(0o700);
    const files = ['station.sqlite', 'station.sqlite-wal', 'station.sqlite-shm', 'station.key', 'station.json', 'station.lock'];
    for (const name of files) expect({ name, mode: modeOf(join(dataDir, name)).toString(8) }).toEqual({ name, mode: '600' });
    for (const name of ['logs', 'server-data', join('server-data', 'pglite')])
      expect({ name, mode: modeOf(join(dataDir, name)).toString(8) }).toEqual({ name, mode: '700' });
    const logs = readdirSync(join(dataDir, 'logs'));
    expect(logs.length).toBeGreaterThan(0);
    for (const name of logs) expect({ name, mode: modeOf(join(dataDir, 'logs', name)).toString(8) }).toEqual({ name, mode: '600' });
  }, 120_000);

  it('a fresh data folder is made 0700 with its files 0600', async () => {
    const dataDir = join(folder('wb-fresh-'), 'new-station');
    await boot(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const name of ['station.sqlite', 'station.key', 'station.lock']) expect(modeOf(join(dataDir, name))).toBe(0o600);
    expect(modeOf(join(dataDir, 'server-data'))).toBe(0o700);
  }, 120_000);
});

describe('support bundles are limited', () => {
  let t: TestStation;
  afterEach(async () => t?.close());

  it('one a minute at most, and only the newest are kept', async () => {
    t = await createTestStation();
    await t.signIn('supervisor');
    const bundle = () => t.station.call('diagnostics.bundle', {});
    expect(await bundle()).toMatchObject({ ok: true });
    expect(await bundle()).toMatchObject({ ok: false, error: { code: 'rule' } });
    for (let i = 0; i < SUPPORT_BUNDLES_KEPT + 2; i++) {
      t.clock.advance(SUPPORT_BUNDLE_INTERVAL_MS);
      expect(await bundle()).toMatchObject({ ok: true });
    }
    const kept = readdirSync(join(t.dir, 'support')).sort();
    expect(kept).toHaveLength(SUPPORT_BUNDLES_KEPT);
    const newest = await (async () => {
      t.clock.advance(SUPPORT_BUNDLE_INTERVAL_MS);
      const r = await bundle();
      if (!r.ok) throw new Error(r.error.message.code);
      return (r.value as { path: string }).path;
    })();
    const after = readdirSync(join(t.dir, 'support')).sort();
    expect(after).toHaveLength(SUPPORT_BUNDLES_KEPT);
    expect(after).toContain(newest.split('/').pop());
    expect(after).not.toContain(kept[0]);
    expect(modeOf(join(t.dir, 'support'))).toBe(0o700);
  });
});

describe('the server and the update feed over https only', () => {
  it('plain http is refused to another machine, allowed to this one, and for the server only with allowInsecureServer', () => {
    expect(insecureUrlProblem('https://hq.example.com:8787', 'server', false)).toBeNull();
    expect(insecureUrlProblem('http://127.0.0.1:8787', 'server', false)).toBeNull();
    expect(insecureUrlProblem('http://localhost:8787', 'server', false)).toBeNull();
    expect(insecureUrlProblem('http://[::1]:8787', 'server', false)).toBeNull();
    expect(insecureUrlProblem('http://hq.example.com:8787', 'server', false)).toMatch(/plain http:\/\/.*allowInsecureServer/);
    expect(insecureUrlProblem('http://127.0.0.1.example.com', 'server', false)).not.toBeNull();
    expect(insecureUrlProblem('http://hq.example.com:8787', 'server', true)).toBeNull();
    expect(insecureUrlProblem('ftp://hq.example.com', 'server', true)).toMatch(/https:\/\//);
    expect(insecureUrlProblem('http://it.example.com/feed', 'The update feed', 'never')).not.toBeNull();
  });

  it('a station configured for a remote plain-http server does not start, and opens nothing on the way', async () => {
    const dataDir = folder('wb-http-');
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ server: { url: 'http://hq.example.com:8787', credential: CREDENTIAL } }));
    const refused = await bootStation({ dataDir, log: silentLogger() }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as Error).message).toMatch(/server\.url http:\/\/hq\.example\.com:8787 uses plain http/);
    expect(existsSync(join(dataDir, 'station.sqlite'))).toBe(false);

    // With the explicit setting the station starts (it never reaches the server here), and Diagnostics says so.
    writeFileSync(
      join(dataDir, 'station.json'),
      JSON.stringify({ server: { url: 'http://hq.example.com:8787', credential: CREDENTIAL }, allowInsecureServer: true }),
    );
    const station = await boot(dataDir);
    const info = collectDiagnostics(station.context, { version: '0.0.0', dataDir, logDir: null });
    expect(info.station).toMatchObject({ server: 'http://hq.example.com:8787', insecureServer: true });
  }, 60_000);

  it('an update feed over plain http to another machine is refused in station.json', () => {
    const dataDir = folder('wb-feed-');
    const path = join(dataDir, 'station.json');
    writeFileSync(path, JSON.stringify({ updateUrl: 'http://it.example.com/warebench/' }));
    expect(() => loadStationConfig(path)).toThrow(/updateUrl.*plain http/);
    writeFileSync(path, JSON.stringify({ updateUrl: 'http://127.0.0.1:8080/warebench/' }));
    expect(loadStationConfig(path).updateUrl).toBe('http://127.0.0.1:8080/warebench/');
    writeFileSync(path, JSON.stringify({ updateUrl: 'https://it.example.com/warebench/' }));
    expect(loadStationConfig(path).updateUrl).toBe('https://it.example.com/warebench/');
  });
});
