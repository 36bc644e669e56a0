import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enroll } from '../../electron/cli/enroll';
import type { CliIo } from '../../electron/cli/io';
import { bodyOf, expectOk, siteSettings } from '../server/support/fixtures';
import { startTestServer, type TestServer } from '../server/support/harness';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
  return { io, out, err };
}

describe('warebench enroll', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite' });
    dir = await mkdtemp(path.join(tmpdir(), 'wb-enroll-cli-'));
    await expectOk(server.api('PUT', '/api/v1/sites/cli', { body: siteSettings('cli') }));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const newCode = async () =>
    bodyOf(z.object({ code: z.string() }), await expectOk(server.api('POST', '/api/v1/enrollment-codes', { body: { siteId: 'cli' } }), 201))
      .code;

  it('stores the server URL and credential in station.json, readable by the owner only', async () => {
    const { io, out } = captureIo();
    const code = await newCode();
    const exit = await enroll(['--server', server.url, '--code', code, '--name', 'Dock 2', '--role', 'receiving', '--data-dir', dir], io);
    expect(exit).toBe(0);
    expect(out.join('\n')).toContain('of site cli');
    const config = z
      .object({
        stationName: z.string(),
        stationRole: z.string(),
        server: z.object({ url: z.string(), credential: z.string(), stationId: z.string() }),
      })
      .parse(JSON.parse(await readFile(path.join(dir, 'station.json'), 'utf8')));
    expect(config).toMatchObject({ stationName: 'Dock 2', stationRole: 'receiving', server: { url: server.url } });
    expect((await server.api('GET', '/sync/v1/pull', { token: config.server.credential })).status).toBe(200);
    if (process.platform !== 'win32') expect((await stat(path.join(dir, 'station.json'))).mode & 0o077).toBe(0);
  });

  it('exits 2 with a clear message for a used code or missing options, 1 when the server is unreachable', async () => {
    const code = await newCode();
    expect(await enroll(['--server', server.url, '--code', code, '--data-dir', dir, '--print-credential'], captureIo().io)).toBe(0);
    const used = captureIo();
    expect(await enroll(['--server', server.url, '--code', code, '--data-dir', dir], used.io)).toBe(2);
    expect(used.err.join('\n')).toMatch(/unknown, expired or already used/);
    const missing = captureIo();
    expect(await enroll(['--server', server.url], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain('--code');
    const down = captureIo();
    expect(await enroll(['--server', 'http://127.0.0.1:1', '--code', 'AAAA-BBBB-CCCC', '--data-dir', dir], down.io)).toBe(1);
    expect(down.err.join('\n')).toMatch(/not reachable/);
  });
});
