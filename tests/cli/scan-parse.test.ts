import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli';
import type { CliIo } from '../../electron/cli/io';
import { ParsedScan } from '../../shared/scan';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(['scan-parse', ...argv], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('warebench scan-parse', () => {
  it('prints one JSON line for valid GS1 data and exits 0', async () => {
    const { code, stdout } = await run('(01)09506000134352(17)201225(10)ABC123', '--json');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toHaveLength(1);
    const printed: unknown = JSON.parse(stdout);
    expect(ParsedScan.parse(printed)).toMatchObject({
      ok: true,
      symbology: 'gs1-128',
      gtin: '09506000134352',
      expiry: '2020-12-25',
      lot: 'ABC123',
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '17', value: '201225' },
        { ai: '10', value: 'ABC123' },
      ],
    });
  });

  it('takes the symbology from a leading AIM id', async () => {
    const { code, stdout } = await run(']C1010950600013435210ABC', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, symbology: 'gs1-128', kind: 'gs1', lot: 'ABC' });
  });

  it('reads the substitute separator given with --separator', async () => {
    const { code, stdout } = await run('0109506000134352|10ABC|21S1', '--separator', '|', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, lot: 'ABC', serial: 'S1' });
  });

  it('prints {"ok":false,"error"} and exits 2 for invalid data', async () => {
    const { code, stdout } = await run('09506000134353', '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ ok: false, error: 'GTIN check digit should be 2, got 3', data: '09506000134353' });
  });

  it('prints a readable form without --json', async () => {
    const ok = await run('(01)09521234543213(3103)000123');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('gs1 (gs1-128)');
    expect(ok.stdout).toMatch(/net weight kg\s+0\.123/);
    expect(ok.stdout).toMatch(/\(3103\)\s+NET WEIGHT \(kg\)\s+000123/);
    const bad = await run('(17)201325');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('AI 17: month 13 is not a month');
  });

  it('exits 2 on missing data, and answers an unknown option with one line naming the known ones', async () => {
    expect((await run()).code).toBe(2);
    const unknown = await run('4711', '--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/^warebench scan-parse: unknown option '--frobnicate'.*; options: .*--json/);
  });

  it('works as a command: stdout and exit code 2 on invalid data', async () => {
    const outcome = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        ['bin/warebench.js', 'scan-parse', '106141411234567898', '--json'],
        { cwd: repoRoot, timeout: 60_000 },
        (error, stdout) => {
          if (error && typeof error.code !== 'number') reject(error);
          else resolve({ code: child.exitCode, stdout });
        },
      );
    });
    expect(outcome.code).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({ ok: false, error: 'SSCC check digit should be 7, got 8', data: '106141411234567898' });
  });
});
