import pino, { type Logger } from 'pino';
import { createRotatingFile, type RotatingFile } from './rotating-file';

export const STATION_LOG = 'station.log';
/** The Electron main process's own log (window, updates), next to the station's. */
export const MAIN_LOG = 'main.log';

/** Paths pino blanks in every line: the station's credential and anything that looks like one. */
export const redactPaths = [
  'credential',
  '*.credential',
  'server.credential',
  '*.server.credential',
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  // Badges and PINs are credentials too; the core never logs them, this blanks one that slips through.
  'badge',
  '*.badge',
  'pin',
  '*.pin',
];

export interface StationLoggerOptions {
  dir: string;
  level?: string;
  maxBytes?: number;
  keep?: number;
  name?: string;
  /** File name of the live log (default station.log). */
  fileName?: string;
}

/** Structured JSON logs in `<dir>/station.log` (or `fileName`), rotated by size (5 MB, 5 old files unless told otherwise), secrets redacted. */
export function createStationLogger(options: StationLoggerOptions): Logger & { file: RotatingFile } {
  const file = createRotatingFile({
    dir: options.dir,
    name: options.fileName ?? STATION_LOG,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    keep: options.keep ?? 5,
  });
  const logger = pino(
    {
      name: options.name ?? 'warebench',
      level: options.level ?? process.env.WAREBENCH_LOG_LEVEL ?? 'info',
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    { write: (line: string) => file.write(line) },
  );
  return Object.assign(logger, { file });
}
