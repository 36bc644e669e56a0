import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export interface SupportBundleInput {
  /** `PRAGMA integrity_check` of the cache, one line per finding. */
  integrity: string[];
  dataDir: string;
  /** Log files to include, newest first (the live log and its rotations). */
  logFiles: string[];
  /** The station config as running (credential and other secrets are blanked here). */
  config: unknown;
  versions: Record<string, unknown>;
  /** More facts worth a support engineer's time: devices, sync state, latest errors. */
  diagnostics: Record<string, unknown>;
  stationId: string;
  now: Date;
  /** How many bundles the folder keeps: the newest, older ones are deleted once a new one is complete (default 5). */
  keep?: number;
}

/** Bundles kept in `<data>/support` unless told otherwise. */
export const SUPPORT_BUNDLES_KEPT = 5;
/** The shortest time between two bundles: each holds every log, and a loop asking for them must not fill the disk. */
export const SUPPORT_BUNDLE_INTERVAL_MS = 60_000;

const BUNDLE_NAME = /^warebench-support-.*\.zip(\.partial)?$/;

export interface SupportBundle {
  path: string;
  bytes: number;
  files: string[];
}

const SECRET_KEY = /credential|password|passwd|secret|token|api[-_]?key|authorization|enrollmentcode/i;
export const REDACTED = '[redacted]';

/** A copy of a JSON value with every secret-looking field blanked. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && v !== null && v !== undefined ? REDACTED : redactSecrets(v)]),
    );
  }
  return value;
}

/** Log text with credentials blanked, in case a line carried one past the logger's own redaction. */
export function redactLogText(text: string): string {
  return text
    .replace(/("(?:credential|password|token|authorization|secret)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`)
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`);
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/**
 * Writes `support/warebench-support-<station>-<time>.zip` in the data folder: logs, the config without secrets,
 * the database's `PRAGMA integrity_check`, versions and diagnostics. Written to a temp name and renamed when complete.
 */
export async function writeSupportBundle(input: SupportBundleInput): Promise<SupportBundle> {
  const dir = join(input.dataDir, 'support');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = input.now.toISOString().replace(/[:.]/g, '-');
  const safeId = input.stationId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 48);
  const path = join(dir, `warebench-support-${safeId}-${stamp}.zip`);
  const temp = `${path}.partial`;

  const entries: [string, Buffer][] = [
    ['versions.json', json(input.versions)],
    ['station.json', json(redactSecrets(input.config))],
    ['integrity-check.txt', Buffer.from(`${input.integrity.join('\n')}\n`, 'utf8')],
    ['diagnostics.json', json(redactSecrets(input.diagnostics))],
  ];
  for (const file of input.logFiles) {
    if (!existsSync(file)) continue;
    entries.push([`logs/${basename(file)}`, Buffer.from(redactLogText(readFileSync(file, 'utf8')), 'utf8')]);
  }

  const zip = new ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { mtime: input.now });
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(temp, { mode: 0o600 }));
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  pruneBundles(dir, path, input.keep ?? SUPPORT_BUNDLES_KEPT);
  return { path, bytes: statSync(path).size, files: entries.map(([name]) => name) };
}

/**
 * Keeps the `keep` newest bundles (the one just written among them) and drops leftovers of interrupted ones. Names end
 * in the station clock's time, so they sort by age.
 */
function pruneBundles(dir: string, written: string, keep: number): void {
  const names = readdirSync(dir).filter((name) => BUNDLE_NAME.test(name));
  for (const name of names) if (name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
  const older = names
    .filter((name) => name.endsWith('.zip') && join(dir, name) !== written)
    .sort()
    .reverse();
  for (const name of older.slice(Math.max(0, keep - 1))) rmSync(join(dir, name), { force: true });
}
