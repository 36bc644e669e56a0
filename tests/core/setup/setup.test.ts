import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { bootRestartableStation, type RestartableStation } from '../../../electron/core/app/restartable-station';
import { keychainCredentials } from '../../../electron/core/setup/credentials';
import type { Enroller } from '../../../electron/core/setup/enroll-link';
import { loadDatasetIntoCache } from '../../../electron/core/storage/load-demo';
import { openStationDatabase } from '../../../electron/core/storage/open';
import type { SetupFormInput, SetupState } from '../../../shared/contract/setup';
import type { StationInfo } from '../../../shared/contract/station';
import { buildDemoDataset, demo } from '../../../shared/demo/dataset';
import type { SyncState } from '../../../shared/domain/sync-state';
import type { Result } from '../../../shared/rpc';
import { siteSettings } from '../../server/support/fixtures';
import { startTestServer } from '../../server/support/harness';
import { tempDir } from '../../support/temp-dir';

const form = (over: Partial<SetupFormInput> = {}): SetupFormInput => ({
  stationName: 'Dock 3',
  stationRole: 'receiving',
  locale: 'de',
  server: { kind: 'embedded' },
  devices: {
    scanner: { kind: 'serial', path: '/dev/ttyACM0' },
    scale: { kind: 'serial', path: '/dev/ttyUSB0', protocol: 'mt-sics' },
    printer: { kind: 'tcp', host: '127.0.0.1', port: 1 },
  },
  training: false,
  ...over,
});

/** Waits for the station to have restarted with its new config: station.info answers with the new name. */
async function untilInfo(station: RestartableStation, check: (info: StationInfo) => boolean): Promise<StationInfo> {
  for (let i = 0; i < 200; i++) {
    const r = await station.call('station.info', {});
    if (r.ok && check(r.value as StationInfo)) return r.value as StationInfo;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('the station did not come back with its new config');
}

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('first-run setup', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function boot(options: { firstRun?: boolean; enroll?: Enroller; keychain?: { saved: (string | null)[] } } = {}) {
    const dir = tempDir('warebench-setup-');
    const credentials = options.keychain
      ? keychainCredentials(null, async (c) => {
          options.keychain?.saved.push(c);
        })
      : undefined;
    const station = await bootRestartableStation({
      dataDir: dir.path,
      launch: { firstRunSetup: options.firstRun ?? true, overrides: {} },
      credentials,
      enroll: options.enroll,
      version: '1.2.3',
    });
    cleanup.push(
      () => dir.remove(),
      () => station.close(),
    );
    return { station, dir: dir.path, config: join(dir.path, 'station.json') };
  }

  it('asks for setup on first run, writes station.json atomically, and restarts with it', async () => {
    const { station, dir, config } = await boot();
    const state = value<SetupState>(await station.call('setup.state', {}));
    expect(state.needed).toBe(true);
    expect(state.configPath).toBe(config);

    const saved = value<{ path: string; restarting: boolean }>(await station.call('setup.save', form()));
    expect(saved).toMatchObject({ path: config, restarting: true });
    const written = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ stationName: 'Dock 3', stationRole: 'receiving', locale: 'de', training: false, server: 'embedded' });
    expect(written.devices).toEqual([
      {
        id: 'receiving-scanner',
        kind: 'scanner',
        role: 'receiving-scanner',
        label: 'Scanner',
        transport: { type: 'serial', path: '/dev/ttyACM0' },
        protocol: 'lines',
      },
      {
        id: 'receiving-scale',
        kind: 'scale',
        role: 'receiving-scale',
        label: 'Scale',
        transport: { type: 'serial', path: '/dev/ttyUSB0' },
        protocol: 'mt-sics',
      },
      {
        id: 'label-printer',
        kind: 'printer',
        role: 'label-printer',
        label: 'Label printer',
        transport: { type: 'tcp', host: '127.0.0.1', port: 1 },
        protocol: 'zpl',
      },
    ]);
    if (process.platform !== 'win32') expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const info = await untilInfo(station, (i) => i.stationName === 'Dock 3');
    expect(info).toMatchObject({ stationRole: 'receiving', locale: 'de', training: false });
    // Once set up, the setup is for supervisors and admins: signed out it is not shown at all.
    expect(await station.call('setup.state', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await station.call('session.signIn', { badge: demo.badges.admin }));
    const after = value<SetupState>(await station.call('setup.state', {}));
    expect(after.needed).toBe(false);
    expect(after.current).toMatchObject({ stationName: 'Dock 3', devices: { printer: { kind: 'tcp', host: '127.0.0.1', port: 1 } } });
  });

  it('after setup, only a supervisor or admin may change it', async () => {
    const { station } = await boot();
    value(await station.call('setup.save', form()));
    await untilInfo(station, (i) => i.stationName === 'Dock 3');

    const anonymous = await station.call('setup.save', form({ stationName: 'Dock 4' }));
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await station.call('session.signIn', { badge: demo.badges.packer }));
    expect(await station.call('setup.save', form({ stationName: 'Dock 4' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await station.call('session.signIn', { badge: demo.badges.admin }));
    value(await station.call('setup.save', form({ stationName: 'Dock 4' })));
    await untilInfo(station, (i) => i.stationName === 'Dock 4');
  });

  it('refuses bad answers with a clear message and leaves station.json as it was', async () => {
    const { station, config } = await boot();
    const bad = await station.call('setup.save', form({ stationName: '', server: { kind: 'central', url: 'warebench-server' } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.issues?.map((i) => i.path).join(' ')).toContain('stationName');
      expect(bad.error.message).toMatchObject({ code: 'errors.invalidField', params: { field: { code: 'field.stationName' } } });
    }
    const notEnrolled = await station.call('setup.save', form({ server: { kind: 'central', url: 'https://hq:8787' } }));
    expect(notEnrolled).toMatchObject({ ok: false, error: { code: 'rule' } });
    if (!notEnrolled.ok) expect(notEnrolled.error.message).toMatchObject({ code: 'setup.enrollmentCodeNeeded' });
    expect(existsSync(config)).toBe(false);
  });

  it('says clearly when the server cannot be reached for enrollment, and writes nothing', async () => {
    const { station, config } = await boot();
    const r = await station.call(
      'setup.save',
      form({ server: { kind: 'central', url: 'http://127.0.0.1:1', enrollmentCode: 'ABCD-EFGH-JKMN' } }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'offline' } });
    if (!r.ok) expect(r.error.message).toMatchObject({ code: 'setup.enrollmentFailed', params: { url: 'http://127.0.0.1:1' } });
    expect(existsSync(config)).toBe(false);
  });

  it('enrolls with a real central server: a wrong code is refused, the right one gives a credential kept owner-readable', async () => {
    const server = await startTestServer({ backend: 'pglite' });
    cleanup.push(() => server.close());
    expect((await server.api('PUT', '/api/v1/sites/dock-site', { body: siteSettings('dock-site') })).status).toBe(200);
    const issued = await server.api('POST', '/api/v1/enrollment-codes', { body: { siteId: 'dock-site' } });
    const { code } = issued.body as { code: string };
    const { station, config } = await boot();

    const wrong = await station.call(
      'setup.save',
      form({ server: { kind: 'central', url: server.url, enrollmentCode: 'AAAA-BBBB-CCCC' } }),
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(existsSync(config)).toBe(false);

    value(await station.call('setup.save', form({ server: { kind: 'central', url: server.url, enrollmentCode: code } })));
    const written = JSON.parse(readFileSync(config, 'utf8')) as { server: { url: string; credential: string; stationId: string } };
    expect(written.server.url).toBe(server.url);
    expect(written.server.credential.length).toBeGreaterThanOrEqual(32);
    if (process.platform !== 'win32') expect(statSync(config).mode & 0o777).toBe(0o600);
    const stations = await server.api('GET', '/api/v1/sites/dock-site/stations');
    expect(JSON.stringify(stations.body)).toContain('Dock 3');
    await untilInfo(station, (i) => i.stationName === 'Dock 3');
    expect(value<SyncState>(await station.call('sync.state', {})).mode).toBe('enrolled');
  });

  it('keeps an enrolled credential in the keychain, never in station.json', async () => {
    const saved: (string | null)[] = [];
    const requests: unknown[] = [];
    const credential = 'k'.repeat(48);
    const enroll: Enroller = async (request) => {
      requests.push(request);
      return { stationId: '0190a0a0-0000-7000-8000-000000000001', siteId: 'SITE-1', credential };
    };
    const { station, config } = await boot({ enroll, keychain: { saved } });
    const r = value<{ enrolled: boolean }>(
      await station.call(
        'setup.save',
        form({ stationRole: 'both', server: { kind: 'central', url: 'https://hq:8787', enrollmentCode: 'ABCD-EFGH-JKMN' } }),
      ),
    );
    expect(r.enrolled).toBe(true);
    expect(requests).toEqual([{ serverUrl: 'https://hq:8787', code: 'ABCD-EFGH-JKMN', stationName: 'Dock 3', role: 'both' }]);
    expect(saved).toEqual([credential]);
    const text = readFileSync(config, 'utf8');
    expect(text).not.toContain(credential);
    expect(JSON.parse(text)).toMatchObject({ server: { url: 'https://hq:8787', stationId: '0190a0a0-0000-7000-8000-000000000001' } });
    await untilInfo(station, (i) => i.stationName === 'Dock 3');
    expect(value<SyncState>(await station.call('sync.state', {})).mode).toBe('enrolled');
  });

  it('does not ask for setup where the host starts a demo station (browser shell)', async () => {
    const { station } = await boot({ firstRun: false });
    value(await station.call('session.signIn', { badge: demo.badges.admin }));
    expect(value<SetupState>(await station.call('setup.state', {})).needed).toBe(false);
    value(await station.call('session.signOut', {}));
    expect(await station.call('setup.save', form())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('diagnostics', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('shows versions, the database and the latest errors from the log', async () => {
    const dir = tempDir('warebench-diag-');
    const station = await bootRestartableStation({ dataDir: dir.path, launch: { firstRunSetup: false, overrides: {} }, version: '1.2.3' });
    cleanup.push(
      () => dir.remove(),
      () => station.close(),
    );
    station.context.log.error({ err: new Error('label printer unreachable') }, 'print failed');
    value(await station.call('session.signIn', { badge: demo.badges.packer }));
    const info = value<{
      versions: { app: string; node: string; sqlite: string };
      database: { schemaVersion: number; sizeBytes: number };
      lastErrors: { message: string; detail: string | null }[];
    }>(await station.call('diagnostics.info', {}));
    expect(info.versions.app).toBe('1.2.3');
    expect(info.versions.node).toBe(process.versions.node);
    expect(info.versions.sqlite).toMatch(/^3\./);
    expect(info.database.schemaVersion).toBeGreaterThan(0);
    expect(info.database.sizeBytes).toBeGreaterThan(0);
    expect(info.lastErrors[0]).toMatchObject({ message: 'print failed', detail: 'label printer unreachable' });
  });

  it('exports a support bundle: logs, config without the credential, integrity check, versions', async () => {
    const dir = tempDir('warebench-bundle-');
    const credential = 's'.repeat(40);
    writeFileSync(join(dir.path, 'station.json'), JSON.stringify({ stationName: 'Bench 7', server: 'embedded' }));
    const station = await bootRestartableStation({
      dataDir: dir.path,
      launch: { firstRunSetup: false, overrides: { server: { url: 'https://hq:8787', credential } } },
      version: '1.2.3',
    });
    cleanup.push(
      () => dir.remove(),
      () => station.close(),
    );
    // A station linked to a central server gets its operators by sync; here they come from the demo dataset.
    const cache = await openStationDatabase(join(dir.path, 'station.sqlite'));
    loadDatasetIntoCache(cache, buildDemoDataset(new Date()));
    cache.close();
    station.context.log.warn({ server: { credential } }, 'server slow');
    value(await station.call('session.signIn', { badge: demo.badges.packer }));
    const bundle = value<{ path: string; bytes: number; files: string[] }>(await station.call('diagnostics.bundle', {}));
    expect(bundle.path.startsWith(join(dir.path, 'support'))).toBe(true);
    const zip = unzipSync(readFileSync(bundle.path));
    const names = Object.keys(zip).sort();
    expect(names).toEqual(['diagnostics.json', 'integrity-check.txt', 'logs/station.log', 'station.json', 'versions.json']);
    const text = (name: string) => new TextDecoder().decode(zip[name]);
    for (const name of names) expect(text(name)).not.toContain(credential);
    expect(JSON.parse(text('station.json'))).toMatchObject({
      stationName: 'Bench 7',
      server: { url: 'https://hq:8787', credential: '[redacted]' },
    });
    expect(text('integrity-check.txt').trim()).toBe('ok');
    expect(JSON.parse(text('versions.json'))).toMatchObject({ app: '1.2.3', node: process.versions.node });
    expect(text('logs/station.log')).toContain('server slow');
    expect(readdirSync(join(dir.path, 'support')).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});
