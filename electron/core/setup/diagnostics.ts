import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticsInfo } from '../../../shared/contract/setup';
import type { StationContext } from '../context';
import { MAIN_LOG, STATION_LOG } from '../kernel/log-file';
import { rotationNames } from '../kernel/rotating-file';
import { recentProblems } from './read-log';

export interface DiagnosticsSources {
  version: string;
  dataDir: string;
  logDir: string | null;
}

/** Versions of everything the station runs on. */
export function stationVersions(ctx: StationContext, version: string): DiagnosticsInfo['versions'] {
  const sqlite = ctx.database.sqliteVersion();
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    app: version,
    node: versions.node,
    electron: versions.electron ?? null,
    chrome: versions.chrome ?? null,
    sqlite,
    platform: process.platform,
    arch: process.arch,
  };
}

/** The station's and the main process's logs and their rotations that exist, newest first per log. */
export function logFiles(logDir: string | null): string[] {
  if (!logDir) return [];
  return [...rotationNames(STATION_LOG, 9), ...rotationNames(MAIN_LOG, 9)].map((n) => join(logDir, n)).filter((p) => existsSync(p));
}

function fileSize(path: string): number {
  let total = 0;
  for (const p of [path, `${path}-wal`]) if (existsSync(p)) total += statSync(p).size;
  return total;
}

/** What the diagnostics screen shows: versions, station, database, devices, sync queue, open work, latest errors. */
export function collectDiagnostics(ctx: StationContext, sources: DiagnosticsSources): DiagnosticsInfo {
  const { config } = ctx;
  const dbPath = ctx.database.path;
  return {
    versions: stationVersions(ctx, sources.version),
    station: {
      stationId: ctx.stationId,
      stationName: config.stationName,
      stationRole: config.stationRole,
      locale: config.locale,
      training: config.training,
      dataDir: sources.dataDir,
      logDir: sources.logDir,
      server: config.server === null ? 'none' : config.server === 'embedded' ? 'embedded' : config.server.url,
      insecureServer: config.allowInsecureServer,
      pinnedVersion: config.pinnedVersion,
      updateUrl: config.updateUrl,
    },
    database: {
      path: dbPath,
      sizeBytes: dbPath && dbPath !== ':memory:' ? fileSize(dbPath) : 0,
      schemaVersion: ctx.database.schemaVersion(),
    },
    devices: ctx.devices.list(),
    sync: ctx.sync.state(),
    busy: ctx.busy.check(),
    lastErrors: sources.logDir && existsSync(sources.logDir) ? recentProblems(sources.logDir, 50) : [],
  };
}
