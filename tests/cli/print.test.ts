import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/io';
import { print } from '../../electron/cli/print';
import { labelTemplates } from '../../electron/core/devices/printer/templates';
import { closedPort, hsReply, type RawListener, startRawListener } from '../support/devices/raw-listener';

const examples = new URL('../../resources/labels/examples/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'warebench-cli-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

function dataFile(name: string, data: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

describe('warebench print', () => {
  let listener: RawListener | undefined;
  afterEach(async () => {
    await listener?.close();
    listener = undefined;
  });

  it('prints a template to tcp:// and reports the job as JSON', async () => {
    listener = await startRawListener();
    const io = capture();
    const data = new URL('sscc.json', examples).pathname;
    const code = await print(['--to', listener.url, '--template', 'sscc', '--data', data, '--json'], io);
    expect(code).toBe(0);
    const expected = labelTemplates.sscc.build(JSON.parse(readFileSync(data, 'utf8')));
    expect(JSON.parse(io.stdout.join(''))).toEqual({ ok: true, bytes: Buffer.byteLength(expected), to: listener.url });
    expect((await listener.nextJob()).toString('utf8')).toBe(expected);
  });

  it('lists every bad field and exits 2 without printing', async () => {
    listener = await startRawListener();
    const shipping: unknown = JSON.parse(readFileSync(new URL('shipping.json', examples), 'utf8'));
    const bad = { ...(shipping as Record<string, unknown>), sscc: '106141411234567890', carton: { number: 5, of: 3 } };
    const io = capture();
    const code = await print(['--to', listener.url, '--template', 'shipping', '--data', dataFile('bad-shipping', bad)], io);
    expect(code).toBe(2);
    const text = io.stderr.join('\n');
    expect(text).toMatch(/does not fit the shipping template/);
    expect(text).toMatch(/sscc: the SSCC check digit \(last digit\) is wrong/);
    expect(text).toMatch(/carton\.number: carton number cannot be greater than the carton count/);
    expect(listener.connections).toBe(0);

    const json = capture();
    expect(await print(['--to', listener.url, '--template', 'shipping', '--data', dataFile('bad-shipping', bad), '--json'], json)).toBe(2);
    const answer: unknown = JSON.parse(json.stdout.join(''));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-data', issues: [{ path: 'sscc' }, { path: 'carton.number' }] } });
  });

  it('with --status, prints nothing to a printer that reports a problem (exit 1)', async () => {
    listener = await startRawListener();
    listener.hsReply = hsReply({ paperOut: true });
    const io = capture();
    const code = await print(
      ['--to', listener.url, '--template', 'lpn', '--data', new URL('lpn.json', examples).pathname, '--status', '--json'],
      io,
    );
    expect(code).toBe(1);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    expect(listener.jobs).toHaveLength(0);
  });

  it('--status alone reports the printer state', async () => {
    listener = await startRawListener();
    listener.hsReply = hsReply({ headOpen: true });
    const io = capture();
    expect(await print(['--to', listener.url, '--status'], io)).toBe(0);
    expect(io.stdout.join('')).toBe(`${listener.url}: not ready: print head open`);
  });

  it('exits 1 with the reason when the printer cannot be reached', async () => {
    const io = capture();
    const port = await closedPort();
    const code = await print(
      ['--to', `tcp://127.0.0.1:${port}`, '--template', 'lpn', '--data', new URL('lpn.json', examples).pathname],
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/ECONNREFUSED/);
  });

  it('exits 2 on bad arguments', async () => {
    const cases = [
      ['--template', 'lpn', '--data', 'x.json'],
      ['--to', 'lpt1:', '--status'],
      ['--to', 'tcp://127.0.0.1:9100', '--template', 'pallet', '--data', new URL('lpn.json', examples).pathname],
      ['--to', 'tcp://127.0.0.1:9100', '--template', 'lpn'],
      ['--to', 'tcp://127.0.0.1:9100', '--template', 'lpn', '--data', join(dir, 'missing.json')],
      ['--to', 'tcp://127.0.0.1:9100', '--bogus'],
    ];
    for (const argv of cases) {
      const io = capture();
      expect(await print(argv, io), argv.join(' ')).toBe(2);
      expect(io.stderr.join('\n').length + io.stdout.join('').length).toBeGreaterThan(0);
    }
  });
});
