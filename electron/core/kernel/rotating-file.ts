import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface RotatingFileOptions {
  dir: string;
  /** File name of the live log, e.g. `station.log`; rotated files are `station.1.log` (newest) … `station.<keep>.log`. */
  name: string;
  /** Rotate before a write would take the live file past this size. */
  maxBytes: number;
  /** Rotated files kept besides the live one. */
  keep: number;
}

export interface RotatingFile {
  write(chunk: string): void;
  /** The live file and the rotated ones that exist, newest first. */
  files(): string[];
  close(): void;
}

/** File names of a log and its rotations, newest first (whether or not they exist). */
export function rotationNames(name: string, keep: number): string[] {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  return [name, ...Array.from({ length: keep }, (_, i) => `${stem}.${i + 1}${ext}`)];
}

/**
 * A size-rotated log file for pino: synchronous appends (a crash loses no acknowledged line),
 * renames on rotation, at most `keep` old files.
 */
export function createRotatingFile(options: RotatingFileOptions): RotatingFile {
  if (options.maxBytes < 1024) throw new Error('maxBytes must be at least 1024');
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new Error('keep must be a whole number of at least 1');
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const names = rotationNames(options.name, options.keep).map((n) => join(options.dir, n));
  const live = names[0] as string;
  let fd = openSync(live, 'a', 0o600);
  let size = fstatSync(fd).size;

  const rotate = () => {
    closeSync(fd);
    rmSync(names[names.length - 1] as string, { force: true });
    for (let i = names.length - 2; i >= 0; i--) {
      const from = names[i] as string;
      if (existsSync(from)) renameSync(from, names[i + 1] as string);
    }
    fd = openSync(live, 'a', 0o600);
    size = 0;
  };

  let closed = false;
  return {
    write(chunk) {
      // A line logged after close (a late timer) is dropped rather than written into a descriptor the process reused.
      if (closed) return;
      const bytes = Buffer.from(chunk, 'utf8');
      if (size > 0 && size + bytes.length > options.maxBytes) rotate();
      writeSync(fd, bytes);
      size += bytes.length;
    },
    files: () => names.filter((n) => existsSync(n)),
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}
