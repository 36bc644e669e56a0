import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStationLogger } from '../../../electron/core/kernel/log-file';
import { createRotatingFile } from '../../../electron/core/kernel/rotating-file';
import { recentProblems } from '../../../electron/core/setup/read-log';
import { tempDir } from '../../support/temp-dir';

describe('station logs', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });
  const dir = () => {
    const d = tempDir('warebench-logs-');
    dirs.push(d);
    return d.path;
  };

  it('rotates by size and keeps only the newest files', () => {
    const path = dir();
    const file = createRotatingFile({ dir: path, name: 'station.log', maxBytes: 2048, keep: 3 });
    for (let i = 0; i < 200; i++) file.write(`${JSON.stringify({ n: i, pad: 'x'.repeat(60) })}\n`);
    file.close();
    const names = readdirSync(path).sort();
    expect(names).toEqual(['station.1.log', 'station.2.log', 'station.3.log', 'station.log']);
    for (const n of names) expect(readFileSync(join(path, n)).length).toBeLessThanOrEqual(2048);
    const last = readFileSync(join(path, 'station.log'), 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ n: 199 });
    // Nothing between the oldest kept line and the newest is missing.
    const kept = ['station.3.log', 'station.2.log', 'station.1.log', 'station.log']
      .flatMap((n) => readFileSync(join(path, n), 'utf8').trim().split('\n'))
      .map((l) => (JSON.parse(l) as { n: number }).n);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => (kept[0] ?? 0) + i));
  });

  it('appends to the live file across restarts', () => {
    const path = dir();
    const a = createRotatingFile({ dir: path, name: 'station.log', maxBytes: 4096, keep: 2 });
    a.write('one\n');
    a.close();
    const b = createRotatingFile({ dir: path, name: 'station.log', maxBytes: 4096, keep: 2 });
    b.write('two\n');
    b.close();
    expect(readFileSync(join(path, 'station.log'), 'utf8')).toBe('one\ntwo\n');
  });

  it('writes pino JSON with secrets redacted, and reads back the latest problems newest first', () => {
    const path = dir();
    const log = createStationLogger({ dir: path, maxBytes: 64 * 1024, keep: 2 });
    log.info({ server: { url: 'http://hq', credential: 'secret-credential-value' } }, 'linked');
    log.warn('scale unstable');
    log.error({ err: new Error('printer on fire'), command: 'packing.closeCarton' }, 'command failed');
    log.file.close();
    const text = readFileSync(join(path, 'station.log'), 'utf8');
    expect(text).not.toContain('secret-credential-value');
    expect(text).toContain('[redacted]');
    const problems = recentProblems(path);
    expect(problems.map((p) => p.message)).toEqual(['command failed', 'scale unstable']);
    expect(problems[0]).toMatchObject({ level: 'error', detail: 'command packing.closeCarton: printer on fire' });
    expect(Number.isNaN(Date.parse(problems[0]?.at ?? ''))).toBe(false);
  });
});
