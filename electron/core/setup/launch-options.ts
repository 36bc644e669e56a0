import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { StationConfig } from '../kernel/config';

/** How the station was started: folders, first-run behaviour and settings that win over station.json. */
export interface LaunchOptions {
  dataDir?: string;
  logDir?: string;
  /**
   * Show the setup wizard while no station.json exists. Unset means the host's default: on in the desktop app,
   * off in the browser shell (which starts the demo station).
   */
  firstRunSetup?: boolean;
  /** Settings from the command line and the environment, merged over station.json (the command line wins). */
  overrides: Partial<StationConfig>;
}

export class LaunchOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`The station's command line or environment has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LaunchOptionsError';
  }
}

type Key = keyof StationConfig;

/** `WAREBENCH_*` variables and the config setting each one sets. */
const envSettings: Record<string, Key> = {
  WAREBENCH_SERVER_URL: 'server',
  WAREBENCH_KIOSK: 'kiosk',
  WAREBENCH_STATION_NAME: 'stationName',
  WAREBENCH_STATION_ROLE: 'stationRole',
  WAREBENCH_LOCALE: 'locale',
  WAREBENCH_TRAINING: 'training',
  WAREBENCH_PINNED_VERSION: 'pinnedVersion',
  WAREBENCH_UPDATE_URL: 'updateUrl',
};

/** Command-line flags and the config setting each one sets. */
const flagSettings: Record<string, Key> = {
  'server-url': 'server',
  kiosk: 'kiosk',
  'station-name': 'stationName',
  'station-role': 'stationRole',
  locale: 'locale',
  training: 'training',
  'pinned-version': 'pinnedVersion',
  'update-url': 'updateUrl',
};

const booleanKeys = new Set<Key>(['kiosk', 'training']);

function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off'].includes(t)) return false;
  return undefined;
}

/** Turns one text value into a config value, validated by the config's own schema for that setting. */
function settingValue(key: Key, text: string, source: string, problems: string[]): unknown {
  let raw: unknown = text;
  if (booleanKeys.has(key)) {
    raw = parseBoolean(text);
    if (raw === undefined) {
      problems.push(`${source}: expected true/false (or 1/0, yes/no), got "${text}"`);
      return undefined;
    }
  } else if (key === 'server') {
    if (text !== 'embedded' && !/^https?:\/\/[^/]/i.test(text)) {
      problems.push(
        `${source}: the server address must be "embedded" or an http(s) URL such as http://warebench-server:8787, got "${text}"`,
      );
      return undefined;
    }
    raw = text === 'embedded' ? 'embedded' : { url: text };
  } else if (key === 'pinnedVersion' || key === 'updateUrl') {
    raw = text === '' || text === 'none' ? null : text;
  }
  const schema = StationConfig.shape[key] as z.ZodType;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push(`${source}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return undefined;
  }
  return parsed.data;
}

/**
 * Reads `--data-dir`, `--log-dir`, `--server-url URL|embedded`, `--kiosk`/`--no-kiosk`, `--station-name`, `--station-role`,
 * `--locale`, `--training`/`--no-training`, `--pinned-version`, `--update-url`, `--first-run-setup` and the matching
 * `WAREBENCH_*` variables. Unknown arguments are left alone (Electron and Chromium take their own).
 */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const problems: string[] = [];
  const overrides: Record<string, unknown> = {};

  for (const [variable, key] of Object.entries(envSettings)) {
    const text = env[variable];
    if (text === undefined) continue;
    const value = settingValue(key, text, variable, problems);
    if (value !== undefined) overrides[key] = value;
  }

  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    options: {
      'data-dir': { type: 'string' },
      'log-dir': { type: 'string' },
      'first-run-setup': { type: 'boolean' },
      ...Object.fromEntries(
        Object.entries(flagSettings).map(([flag, key]) => [
          flag,
          { type: booleanKeys.has(key) ? ('boolean' as const) : ('string' as const) },
        ]),
      ),
    },
  });
  for (const [flag, key] of Object.entries(flagSettings)) {
    const given = values[flag];
    if (given === undefined) continue;
    if (typeof given === 'boolean' && !booleanKeys.has(key)) {
      problems.push(`--${flag} needs a value, e.g. --${flag}=...`);
      continue;
    }
    const value = settingValue(key, String(given), `--${flag}`, problems);
    if (value !== undefined) overrides[key] = value;
  }

  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const dataDir = text(values['data-dir']) ?? text(env.WAREBENCH_DATA_DIR);
  const logDir = text(values['log-dir']) ?? text(env.WAREBENCH_LOG_DIR);
  if (values['data-dir'] === true) problems.push('--data-dir needs a folder, e.g. --data-dir=/srv/warebench');
  if (values['log-dir'] === true) problems.push('--log-dir needs a folder');

  let firstRunSetup: boolean | undefined;
  if (env.WAREBENCH_FIRST_RUN_SETUP !== undefined) {
    const b = parseBoolean(env.WAREBENCH_FIRST_RUN_SETUP);
    if (b === undefined) problems.push(`WAREBENCH_FIRST_RUN_SETUP: expected true/false, got "${env.WAREBENCH_FIRST_RUN_SETUP}"`);
    else firstRunSetup = b;
  }
  if (typeof values['first-run-setup'] === 'boolean') firstRunSetup = values['first-run-setup'];

  if (problems.length) throw new LaunchOptionsError(problems);
  return { dataDir, logDir, firstRunSetup, overrides: overrides as Partial<StationConfig> };
}

/**
 * The config the station runs with: station.json, then the overrides. A server URL given on the command line keeps
 * the credential station.json (or the keychain) holds for that same server.
 */
export function mergeStationConfig(
  file: StationConfig,
  overrides: Partial<StationConfig> = {},
  keychainCredential: string | null = null,
): StationConfig {
  const merged: StationConfig = StationConfig.parse({ ...file, ...overrides });
  const fileServer = file.server;
  if (merged.server && merged.server !== 'embedded') {
    const sameServer = fileServer && fileServer !== 'embedded' && fileServer.url === merged.server.url ? fileServer : null;
    const credential = merged.server.credential ?? sameServer?.credential ?? (sameServer ? keychainCredential : null) ?? undefined;
    const stationId = merged.server.stationId ?? sameServer?.stationId;
    merged.server = { url: merged.server.url, ...(credential ? { credential } : {}), ...(stationId ? { stationId } : {}) };
  }
  return merged;
}
