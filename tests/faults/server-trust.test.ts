import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Op, PushResponse, StationException } from '../../shared/sync-protocol';
import {
  bodyOf,
  ErrorResult,
  enrollStation,
  expectOk,
  item,
  opFactory,
  purchaseOrder,
  receiptLine,
  seedSite,
} from '../server/support/fixtures';
import { type Api, type Backend, startTestServer, type TestServer } from '../server/support/harness';
import { startTestPostgres, type TestPostgres } from '../server/support/postgres';
import { within } from './support/until';

/** The server's trust boundary, tried as an attacker on the network would. */

const backends: Backend[] = ['pglite', ...(process.env.WAREBENCH_TEST_PG_URL ? (['postgres'] as const) : [])];

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends a request head announcing a body of `announcedBytes`, then only `sentBytes` of it, and waits for the
 * answer: a server that reads bodies before credentials never answers, as the rest of the body never comes.
 */
function sendHeadAndPartOfBody(port: number, head: string[], announcedBytes: number, sentBytes: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    const finish = () => {
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return false;
      const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      const length = Number(headers['content-length'] ?? NaN);
      const body = text.slice(split + 4);
      if (Number.isFinite(length) && Buffer.byteLength(body) < length) return false;
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
      socket.destroy();
      return true;
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      finish();
    });
    socket.on('close', () => {
      if (!finish()) reject(new Error(`connection closed without a full answer: ${JSON.stringify(text.slice(0, 300))}`));
    });
    socket.on('error', () => undefined);
    socket.write(`${[...head, 'Content-Type: application/json', `Content-Length: ${announcedBytes}`].join('\r\n')}\r\n\r\n`);
    socket.write(`{"items":[${'1,'.repeat(Math.floor(sentBytes / 2))}`);
  });
}

const Exceptions = z.object({ items: z.array(StationException) });

async function push(api: Api, credential: string, ops: Op[]) {
  return bodyOf(PushResponse, await expectOk(api('POST', '/sync/v1/push', { token: credential, body: { ops } }))).results;
}

describe.each(backends)('server trust boundary [%s]', (backend) => {
  let postgres: TestPostgres | undefined;
  let server: TestServer;

  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startTestPostgres();
    server = await startTestServer({ backend, ...(postgres ? { databaseUrl: postgres.url } : {}) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await postgres?.stop();
  }, 60_000);

  it('checks credentials before the body: a bad body without a valid key is answered 401, never 400 with its fields', async () => {
    const { api } = server;
    const station = await seedSite(api, 'trust-401');
    const badItems = { items: [{ ...item('X'), unitWeightG: -1 }] };
    for (const token of [null, 'guess', station.credential]) {
      const answer = await api('POST', '/api/v1/sites/trust-401/items', { token, body: badItems });
      expect(answer.status).toBe(401);
      expect(bodyOf(ErrorResult, answer).error.issues).toBeUndefined();
    }
    for (const token of [null, 'wbs_forged']) {
      const answer = await api('POST', '/sync/v1/push', { token, raw: '{"ops": [' });
      expect(answer.status).toBe(401);
    }
    // With the right key the same body is judged: 400 with the failing field.
    const judged = await api('POST', '/api/v1/sites/trust-401/items', { body: badItems });
    expect(judged.status).toBe(400);
    expect(bodyOf(ErrorResult, judged).error.issues?.[0]?.path).toBe('body.items.0.unitWeightG');
  });

  it('refuses a big unauthenticated body before reading it, and closes the connection', async () => {
    const { port } = new URL(server.url);
    const announced = 50 * 1024 * 1024;
    const refusals = [
      { path: 'POST /api/v1/sites/trust-401/items HTTP/1.1', auth: [], status: 401 },
      { path: 'POST /api/v1/sites/trust-401/items HTTP/1.1', auth: ['Authorization: Bearer not-the-admin-key'], status: 401 },
      { path: 'POST /sync/v1/push HTTP/1.1', auth: ['Authorization: Bearer wbs_forged'], status: 401 },
      // The one unauthenticated writer takes a tiny body: a bigger one is refused on its announced length.
      { path: 'POST /sync/v1/enroll HTTP/1.1', auth: [], status: 413 },
      { path: 'POST /no/such/route HTTP/1.1', auth: [], status: 413 },
    ];
    for (const refusal of refusals) {
      const answer = await within(
        sendHeadAndPartOfBody(Number(port), [refusal.path, `Host: 127.0.0.1:${port}`, ...refusal.auth], announced, 64 * 1024),
        `an answer to ${refusal.path} with 64 KiB of a 50 MiB body sent`,
        10_000,
      );
      expect(answer.status, refusal.path).toBe(refusal.status);
      expect(answer.headers.connection, refusal.path).toBe('close');
    }
    // An enrollment body of 1 MiB is far more than a code and a name.
    const enroll = await within(
      sendHeadAndPartOfBody(Number(port), ['POST /sync/v1/enroll HTTP/1.1', `Host: 127.0.0.1:${port}`], 1024 * 1024, 1024),
      'an answer to a 1 MiB enrollment',
      10_000,
    );
    expect(enroll.status).toBe(413);
  });

  it('scopes op ids per station: another station re-using an op id gets its own result, never the first station’s', async () => {
    const { api } = server;
    const siteId = 'trust-opids';
    const first = await seedSite(api, siteId, { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 5 }])] });
    const second = await enrollStation(api, siteId, 'bench-2');
    const opsOfFirst = opFactory('op-first');
    const rejectedOp = opsOfFirst('receipt.line', receiptLine('PO1', 1, 'A', 50));
    const appliedOp = opsOfFirst('receipt.line', receiptLine('PO1', 1, 'A', 2));
    expect((await push(api, first.credential, [rejectedOp, appliedOp])).map((r) => r.code ?? r.status)).toEqual([
      'over_receipt',
      'applied',
    ]);

    // The second station sends ops of its own under the first station's op ids.
    const opsOfSecond = opFactory('op-second');
    const sameIdFits = { ...opsOfSecond('receipt.line', receiptLine('PO1', 1, 'A', 1)), opId: rejectedOp.opId };
    const sameIdAgain = { ...opsOfSecond('receipt.line', receiptLine('PO1', 1, 'A', 1)), opId: appliedOp.opId };
    const results = await push(api, second.credential, [sameIdFits, sameIdAgain]);
    expect(results).toEqual([
      { opId: rejectedOp.opId, status: 'applied' },
      { opId: appliedOp.opId, status: 'applied' },
    ]);
    // Each station's own copies stay deduplicated, each with its own first answer.
    expect((await push(api, second.credential, [sameIdFits])).map((r) => r.status)).toEqual(['duplicate']);
    expect(await push(api, first.credential, [rejectedOp, appliedOp])).toEqual([
      expect.objectContaining({ opId: rejectedOp.opId, status: 'rejected', code: 'over_receipt' }),
      { opId: appliedOp.opId, status: 'duplicate' },
    ]);
    // A station cannot undo another station's receipt line through its op id.
    const undone = await push(api, second.credential, [opsOfSecond('receipt.undo', { receiptId: 'R-PO1', undoesOpId: appliedOp.opId })]);
    expect(undone).toEqual([expect.objectContaining({ status: 'applied' })]);
    const undoUnknown = await push(api, second.credential, [opsOfSecond('receipt.undo', { receiptId: 'R-PO1', undoesOpId: uuidv7() })]);
    expect(undoUnknown).toEqual([expect.objectContaining({ status: 'rejected', code: 'unknown_op' })]);
    const Receipts = z.object({
      items: z.array(z.object({ opId: z.string(), stationId: z.string(), qty: z.number(), undoneBy: z.string().nullable() })),
    });
    const receipts = bodyOf(Receipts, await expectOk(api('GET', `/api/v1/sites/${siteId}/receipts?poId=PO1&limit=1000`)));
    // The undo took back the second station's own line with that op id; the first station's line stands.
    const lines = receipts.items.map((r) => ({
      opId: r.opId,
      station: r.stationId === first.stationId ? 'first' : 'second',
      qty: r.qty,
      undone: r.undoneBy !== null,
    }));
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        { opId: appliedOp.opId, station: 'first', qty: 2, undone: false },
        { opId: appliedOp.opId, station: 'second', qty: 1, undone: true },
        { opId: rejectedOp.opId, station: 'second', qty: 1, undone: false },
      ]),
    );
    // Receipts page by (op id, station): two lines with one op id are both on the pages.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const Page = Receipts.extend({ nextCursor: z.string().nullable() });
      const page: z.infer<typeof Page> = bodyOf(
        Page,
        await expectOk(api('GET', `/api/v1/sites/${siteId}/receipts?poId=PO1&limit=1${cursor ? `&cursor=${cursor}` : ''}`)),
      );
      paged.push(...page.items.map((r) => `${r.opId}:${r.stationId}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.sort()).toEqual(receipts.items.map((r) => `${r.opId}:${r.stationId}`).sort());
  });

  it('lets a station read and resolve only its own exceptions; the ERP sees and resolves every station’s', async () => {
    const { api } = server;
    const siteId = 'trust-exceptions';
    const owner = await seedSite(api, siteId, { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 1 }])] });
    const neighbour = await enrollStation(api, siteId, 'neighbour');
    const ownerOp = opFactory('op-owner')('receipt.line', receiptLine('PO1', 1, 'A', 9));
    const neighbourOp = opFactory('op-neighbour')('receipt.line', receiptLine('PO1', 1, 'A', 8));
    expect((await push(api, owner.credential, [ownerOp]))[0]?.code).toBe('over_receipt');
    expect((await push(api, neighbour.credential, [neighbourOp]))[0]?.code).toBe('over_receipt');

    const seenBy = async (credential: string) =>
      bodyOf(Exceptions, await expectOk(api('GET', '/sync/v1/exceptions?status=all', { token: credential }))).items.map((e) => e.opId);
    expect(await seenBy(owner.credential)).toEqual([ownerOp.opId]);
    expect(await seenBy(neighbour.credential)).toEqual([neighbourOp.opId]);

    const foreign = await api('POST', `/sync/v1/exceptions/${ownerOp.opId}/resolve`, {
      token: neighbour.credential,
      body: { resolvedBy: 'OP-SNEAK', note: 'not mine' },
    });
    expect(foreign.status).toBe(404);
    const siteWide = async () =>
      bodyOf(Exceptions, await expectOk(api('GET', `/api/v1/sites/${siteId}/exceptions?status=open`)))
        .items.map((e) => `${e.stationId}:${e.opId}`)
        .sort();
    expect(await siteWide()).toEqual([`${owner.stationId}:${ownerOp.opId}`, `${neighbour.stationId}:${neighbourOp.opId}`].sort());

    await expectOk(
      api('POST', `/sync/v1/exceptions/${ownerOp.opId}/resolve`, {
        token: owner.credential,
        body: { resolvedBy: 'OP-OWNER', note: 'credit note' },
      }),
    );
    await expectOk(
      api('POST', `/api/v1/sites/${siteId}/stations/${neighbour.stationId}/exceptions/${neighbourOp.opId}/resolve`, {
        body: { resolvedBy: 'SUPERVISOR', note: 'site-wide' },
      }),
    );
    expect(await siteWide()).toEqual([]);
    const resolved = bodyOf(
      Exceptions,
      await expectOk(api('GET', `/api/v1/sites/${siteId}/exceptions?status=resolved&stationId=${neighbour.stationId}`)),
    ).items;
    expect(resolved.map((e) => [e.opId, e.resolvedBy])).toEqual([[neighbourOp.opId, 'SUPERVISOR']]);
    // A station credential is no key to the ERP's view.
    expect((await api('GET', `/api/v1/sites/${siteId}/exceptions`, { token: owner.credential })).status).toBe(401);
  });
});

describe('rate limits key on verified credentials, never on an unverified token', () => {
  let server: TestServer;
  const anonymousPerMinute = 20;
  const enrollPerMinute = 5;

  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite', limits: { requestsPerMinute: 10_000, anonymousPerMinute, enrollPerMinute } });
  }, 60_000);
  afterAll(async () => server?.close());

  it('limits a flood with a fresh random token per request by its address, while an enrolled station goes on', async () => {
    const station = await seedSite(server.api, 'trust-flood');
    const randomToken = () => `wbs_${randomBytes(32).toString('base64url')}`;
    const statuses: number[] = [];
    for (let i = 0; i < anonymousPerMinute + 10; i++)
      statuses.push((await server.api('GET', '/sync/v1/pull', { token: randomToken() })).status);
    // The seed's enrollment was anonymous too: one of the address's budget.
    expect(statuses.filter((s) => s === 401)).toHaveLength(anonymousPerMinute - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    const limited = await server.api('GET', '/sync/v1/pull', { token: randomToken() });
    expect(bodyOf(ErrorResult, limited).error.code).toBe('rate_limited');
    // The same address with a valid credential has a budget of its own.
    expect((await server.api('GET', '/sync/v1/pull', { token: station.credential })).status).toBe(200);
  });

  it('behind a trusted balancer, counts each client address apart, and ignores the header from anyone else', async () => {
    const budget = 3;
    const statusesFrom = async (target: TestServer, forwardedFor: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < budget + 1; i++) {
        const response = await fetch(`${target.url}/sync/v1/pull`, {
          headers: { authorization: `Bearer wbs_${randomBytes(8).toString('hex')}`, 'x-forwarded-for': forwardedFor },
        });
        statuses.push(response.status);
      }
      return statuses;
    };
    const limits = { requestsPerMinute: 10_000, anonymousPerMinute: budget };
    const balanced = await startTestServer({ backend: 'pglite', limits, trustProxy: '127.0.0.1' });
    try {
      expect(await statusesFrom(balanced, '203.0.113.1')).toEqual([401, 401, 401, 429]);
      expect(await statusesFrom(balanced, '203.0.113.2')).toEqual([401, 401, 401, 429]);
    } finally {
      await balanced.close();
    }
    const direct = await startTestServer({ backend: 'pglite', limits });
    try {
      expect(await statusesFrom(direct, '203.0.113.1')).toEqual([401, 401, 401, 429]);
      // A forged header from an untrusted peer does not buy a fresh budget.
      expect(await statusesFrom(direct, '203.0.113.2')).toEqual([429, 429, 429, 429]);
    } finally {
      await direct.close();
    }
  });

  it('limits enrollment guesses per address whatever token comes with them', async () => {
    const fresh = await startTestServer({
      backend: 'pglite',
      limits: { requestsPerMinute: 10_000, anonymousPerMinute: 1000, enrollPerMinute },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < enrollPerMinute + 5; i++) {
        const guess = { code: randomBytes(6).toString('hex').slice(0, 12), stationName: 'guess', role: 'both' };
        statuses.push(
          (await fresh.api('POST', '/sync/v1/enroll', { token: `wbs_${randomBytes(16).toString('hex')}`, body: guess })).status,
        );
      }
      expect(statuses.slice(0, enrollPerMinute).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(enrollPerMinute)).toEqual([429, 429, 429, 429, 429]);
    } finally {
      await fresh.close();
    }
  });
});
