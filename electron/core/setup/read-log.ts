import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LogEntry } from '../../../shared/contract/setup';
import { MAIN_LOG, STATION_LOG } from '../kernel/log-file';
import { rotationNames } from '../kernel/rotating-file';

const levelNames: Record<number, LogEntry['level']> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

const PinoLine = z
  .object({
    level: z.number(),
    time: z.union([z.string(), z.number()]),
    msg: z.string().optional(),
    err: z.object({ message: z.string().optional(), type: z.string().optional() }).passthrough().optional(),
    command: z.string().optional(),
  })
  .passthrough();

/** The end of a file, at most `bytes` of it, from a line start. */
function tail(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    return start === 0 ? text : text.slice(text.indexOf('\n') + 1);
  } finally {
    closeSync(fd);
  }
}

function problemsIn(path: string, minLevel: number, limit: number, out: LogEntry[]): void {
  const lines = tail(path, 512 * 1024)
    .split('\n')
    .reverse();
  for (const line of lines) {
    if (out.length >= limit) return;
    if (!line.startsWith('{')) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = PinoLine.safeParse(json);
    if (!parsed.success || parsed.data.level < minLevel) continue;
    const { level, time, msg, err, command } = parsed.data;
    const detail = [command ? `command ${command}` : null, err?.message ?? null].filter(Boolean).join(': ');
    out.push({
      at: typeof time === 'number' ? new Date(time).toISOString() : time,
      level: levelNames[level] ?? (level >= 50 ? 'error' : 'warn'),
      message: msg ?? '',
      detail: detail || null,
    });
  }
}

/** Warnings and errors from the station's and the main process's logs (with their rotations), newest first. Lines that are not pino JSON are skipped. */
export function recentProblems(logDir: string, limit = 50, minLevel = 40): LogEntry[] {
  const all: LogEntry[] = [];
  for (const log of [STATION_LOG, MAIN_LOG]) {
    const found: LogEntry[] = [];
    for (const name of rotationNames(log, 9)) {
      const path = join(logDir, name);
      if (existsSync(path)) problemsIn(path, minLevel, limit, found);
    }
    all.push(...found);
  }
  return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}
