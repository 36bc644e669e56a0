import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli';
import type { CliIo } from '../../electron/cli/io';

const root = join(import.meta.dirname, '..', '..');

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text) => out.push(text), err: (text) => err.push(text) }, out, err };
}

/** Each subcommand (with its action) and one option it knows, which its one line of help must name. */
const commands: Array<{ argv: string[]; knows: string }> = [
  { argv: ['serve'], knows: '--server-url <value>' },
  { argv: ['doctor'], knows: '--config <value>' },
  { argv: ['devices'], knows: '--json' },
  { argv: ['scale', 'read'], knows: '--protocol <value>' },
  { argv: ['scan-parse', '0123'], knows: '--separator <value>' },
  { argv: ['print'], knows: '--template <value>' },
  { argv: ['enroll'], knows: '--code <value>' },
  { argv: ['config', 'schema'], knows: '(none)' },
];

describe('warebench: an unknown option', () => {
  it.each(commands)('$argv.0 answers with one line naming its options and exit 2', async ({ argv, knows }) => {
    const { io, out, err } = capture();
    const code = await main([...argv, '--no-such-option'], io);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    const [line = ''] = err;
    expect(line).not.toContain('\n');
    expect(line).toContain(`warebench ${argv[0]}`);
    expect(line).toContain("unknown option '--no-such-option'");
    expect(line).toContain(knows);
  });

  it('a missing option value is one line too', async () => {
    const { io, err } = capture();
    expect(await main(['serve', '--port'], io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^warebench serve: option '--port <value>' argument missing; options: /);
  });

  it('through bin/warebench.js: one line on stderr, exit 2, no stack trace', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'warebench.js'), 'serve', '--kisok'], { encoding: 'utf8', cwd: root });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("warebench serve: unknown option '--kisok'");
    expect(run.stderr).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
  });
});

/** The options the README's table for `warebench serve` lists, as written there (`--port N`, `--[no-]kiosk`, …). */
function readmeServeOptions(): Array<{ flag: string; negatable: boolean; takesValue: boolean }> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('**Browser shell**');
  const end = readme.indexOf('Command-line options win', start);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  const options = [];
  for (const row of readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.trim().startsWith('| `--'))) {
    const firstCell = row.split(/(?<!\\)\|/)[1] ?? '';
    for (const match of firstCell.matchAll(/`--(\[no-\])?([a-z-]+)( [^`]+)?`/g)) {
      options.push({ flag: `--${match[2]}`, negatable: match[1] !== undefined, takesValue: match[3] !== undefined });
    }
  }
  return options;
}

describe('warebench serve: the options the README lists', () => {
  const options = readmeServeOptions();

  it('the README lists the station options the desktop app takes', () => {
    const flags = options.map((o) => o.flag);
    for (const flag of ['--data-dir', '--server-url', '--kiosk', '--locale', '--station-role', '--first-run-setup', '--port', '--open']) {
      expect(flags).toContain(flag);
    }
  });

  it.each(readmeServeOptions())('accepts $flag', async ({ flag, negatable, takesValue }) => {
    const forms = negatable ? [[flag], [flag.replace(/^--/, '--no-')]] : [takesValue ? [flag, 'value'] : [flag]];
    for (const form of forms) {
      const { io, out, err } = capture();
      // --help answers after the options were parsed, before a station starts.
      expect(await main(['serve', ...form, '--help'], io)).toBe(0);
      expect(err).toEqual([]);
      expect(out.join('\n')).toContain(flag.replace(/^--/, ''));
    }
  });

  it('checks a station option value as the desktop app does, in one line per problem', async () => {
    const { io, err } = capture();
    expect(await main(['serve', '--server-url', 'ftp://warebench', '--station-role', 'boss'], io)).toBe(2);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^warebench serve: --server-url: the server address must be "embedded" or an http\(s\) URL/);
    expect(err[1]).toMatch(/^warebench serve: --station-role: /);
  });
});

describe('warebench serve: options of the desktop app that the browser shell cannot apply', () => {
  it('starts the station, says once which options it ignores, and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warebench-serve-'));
    try {
      const args = [
        'serve',
        '--port',
        '0',
        '--json',
        '--data-dir',
        dataDir,
        '--kiosk',
        '--update-url',
        'https://it.example.com/warebench/',
      ];
      const child = spawn(process.execPath, [join(root, 'bin', 'warebench.js'), ...args], {
        cwd: root,
        env: { ...process.env, WAREBENCH_SERVER_URL: 'embedded' },
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const started = await new Promise<{ url: string; dataDir: string }>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = stdout.split('\n')[0];
          if (stdout.includes('\n') && line) resolve(JSON.parse(line));
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code} before it started: ${stderr}`)));
      });
      expect(started.dataDir).toBe(dataDir);
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(stderr.trimEnd().split('\n')).toEqual([
        'warebench serve: --kiosk applies to the Chromium window that --open starts; ignored without --open',
        'warebench serve: the browser shell does not update itself; --pinned-version and --update-url only go into the station config',
      ]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** A Node older than the station needs, when this machine has one (Debian's Node 20 in CI). */
function olderSystemNode(): string | null {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 12)) return path;
  }
  return null;
}

describe.skipIf(olderSystemNode() === null)('bin/warebench.js on an older Node', () => {
  const oldNode = olderSystemNode() ?? 'node';
  const bin = join(root, 'bin', 'warebench.js');

  it('runs itself again on the pinned Node 22 (the command works, exit code passed on)', () => {
    const parsed = spawnSync(oldNode, [bin, 'scan-parse', '(01)09506000134352(10)ABC123', '--json'], { encoding: 'utf8', cwd: root });
    expect(parsed.stderr).toBe('');
    expect(parsed.status).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ ok: true, gtin: '09506000134352', lot: 'ABC123' });
    const wrong = spawnSync(oldNode, [bin, 'serve', '--no-such-option'], { encoding: 'utf8', cwd: root });
    expect(wrong.status).toBe(2);
  });

  it('without a pinned Node to run on, says in one line what to do and exits 1', () => {
    const run = spawnSync(oldNode, [bin, '--help'], {
      encoding: 'utf8',
      cwd: root,
      env: { ...process.env, WAREBENCH_NODE_RELAUNCHED: '1' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warebench needs Node\.js >= 22\.12 and this is v\d+\.\d+\.\d+: run `npm ci`/);
  });
});
