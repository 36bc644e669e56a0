import type { CliIo } from '../../electron/cli/io';

export interface CapturedIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

export function captureIo(): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}
