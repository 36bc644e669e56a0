import { describe, expect, it } from 'vitest';
import { StationConfig } from '../../../electron/core/kernel/config';
import { LaunchOptionsError, mergeStationConfig, parseLaunchOptions } from '../../../electron/core/setup/launch-options';

describe('command line and environment overrides', () => {
  it('reads folders, kiosk and the server from the command line', () => {
    const o = parseLaunchOptions(['--data-dir=/srv/wb', '--server-url', 'http://hq:8787', '--kiosk', '--some-chromium-flag'], {});
    expect(o.dataDir).toBe('/srv/wb');
    expect(o.overrides).toEqual({ server: { url: 'http://hq:8787' }, kiosk: true });
    expect(o.firstRunSetup).toBeUndefined();
    expect(parseLaunchOptions(['--no-first-run-setup'], { WAREBENCH_FIRST_RUN_SETUP: 'yes' }).firstRunSetup).toBe(false);
  });

  it('reads WAREBENCH_* variables, and the command line wins over them', () => {
    const env = {
      WAREBENCH_KIOSK: 'yes',
      WAREBENCH_LOCALE: 'de',
      WAREBENCH_STATION_NAME: 'Dock 9',
      WAREBENCH_DATA_DIR: '/env/dir',
      WAREBENCH_FIRST_RUN_SETUP: '1',
    };
    const o = parseLaunchOptions(['--no-kiosk', '--locale=es'], env);
    expect(o.overrides).toMatchObject({ kiosk: false, locale: 'es', stationName: 'Dock 9' });
    expect(o.dataDir).toBe('/env/dir');
    expect(o.firstRunSetup).toBe(true);
  });

  it('names every bad value in one clear error', () => {
    let error: unknown;
    try {
      parseLaunchOptions(['--server-url=ftp:/nope', '--station-role=cook'], { WAREBENCH_TRAINING: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LaunchOptionsError);
    const problems = (error as LaunchOptionsError).problems.join('\n');
    expect(problems).toContain('WAREBENCH_TRAINING');
    expect(problems).toContain('--server-url');
    expect(problems).toContain('--station-role');
  });

  it('keeps the credential station.json holds when the same server is given on the command line', () => {
    const file = StationConfig.parse({ server: { url: 'http://hq:8787', credential: 'c'.repeat(40), stationId: 'S-1' } });
    const same = mergeStationConfig(file, { server: { url: 'http://hq:8787' } });
    expect(same.server).toEqual({ url: 'http://hq:8787', credential: 'c'.repeat(40), stationId: 'S-1' });
    const other = mergeStationConfig(file, { server: { url: 'http://elsewhere:8787' } });
    expect(other.server).toEqual({ url: 'http://elsewhere:8787' });
  });

  it('adds the keychain credential only for the server it was issued by', () => {
    const file = StationConfig.parse({ server: { url: 'http://hq:8787', stationId: 'S-1' } });
    expect(mergeStationConfig(file, {}, 'k'.repeat(40)).server).toEqual({
      url: 'http://hq:8787',
      credential: 'k'.repeat(40),
      stationId: 'S-1',
    });
    expect(mergeStationConfig(file, { server: { url: 'http://other:1' } }, 'k'.repeat(40)).server).toEqual({ url: 'http://other:1' });
  });
});
