import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs: to `<dir>/station.log` when a folder is given, else to stderr. */
export function createLogger(options: { dir?: string; level?: string; name?: string } = {}): Logger {
  const level = options.level ?? process.env.WAREBENCH_LOG_LEVEL ?? 'info';
  if (!options.dir) return pino({ name: options.name ?? 'warebench', level }, pino.destination(2));
  mkdirSync(options.dir, { recursive: true });
  return pino({ name: options.name ?? 'warebench', level }, pino.destination({ dest: join(options.dir, 'station.log'), sync: false, mkdir: true }));
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
