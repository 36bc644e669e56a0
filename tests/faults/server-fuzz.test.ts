import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStationDatabase } from '../../electron/core/storage/open';
import { createOutbox } from '../../electron/core/storage/outbox';
import { createSyncClient } from '../../electron/core/sync/client';
import { expectOk, receiptLine } from '../server/support/fixtures';
import { ADMIN_KEY, type Backend } from '../server/support/harness';
import { tempDir } from '../support/temp-dir';
import { type CentralServer, startCentralServer } from './support/central-server';
import { hostileRawBody, hostileString, hostileValue, nearlyValid } from './support/hostile';
import { listRoutes, paramsOf, type RouteEntry } from './support/routes';
import { storedState } from './support/server-state';

const ErrorBody = z.object({ error: z.object({ code: z.string().min(1), message: z.string().min(1) }) });

type Auth = 'none' | 'admin' | 'station' | 'revoked' | 'garbage';
const AUTHS: Auth[] = ['none', 'admin', 'station', 'revoked', 'garbage'];

interface Attack {
  route: RouteEntry;
  params: Record<string, string>;
  query: string;
  auth: Auth;
  token: string;
  contentType: string | null;
  body: string | Uint8Array | undefined;
}

interface Answer {
  status: number;
  text: string;
  stream: boolean;
}

/** Routes anyone may call without a credential. */
const isPublic = (route: RouteEntry) => route.path === '/health' || route.path.startsWith('/docs') || route.path === '/sync/v1/enroll';
const needsAdmin = (route: RouteEntry) => route.path.startsWith('/api/v1/');
const needsStation = (route: RouteEntry) => route.path.startsWith('/sync/v1/') && !isPublic(route);

/** Percent-encodes a string for a path segment; lone surrogates (not encodable) become U+FFFD. */
const segment = (value: string) =>
  encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

const describeAttack = (a: Attack) =>
  `${a.route.method} ${a.route.path} params=${JSON.stringify(a.params).slice(0, 300)} query=${a.query.slice(0, 300)} auth=${a.auth} type=${a.contentType} body=${
    typeof a.body === 'string' ? a.body.slice(0, 300) : a.body ? `bytes ${[...a.body.slice(0, 16)].join(',')}` : 'none'
  }`;

const backends: Backend[] = ['pglite', ...(process.env.WAREBENCH_TEST_PG_URL ? (['postgres'] as const) : [])];

describe.each(backends)('every server route under random and hostile input [%s]', (backend) => {
  let server: CentralServer;
  let routes: RouteEntry[];
  const tokens: Record<Exclude<Auth, 'none' | 'garbage'>, string> = { admin: ADMIN_KEY, station: '', revoked: '' };
  const ids = { victimStation: '', order: '', hold: '' };
  const seen = new Map<string, { requests: number; statuses: Set<number> }>();

  beforeAll(async () => {
    server = await startCentralServer({ backend });
    routes = listRoutes(server.app);
    tokens.station = (await server.enrollStation('fuzz bench')).credential;
    const revoked = await server.enrollStation('revoked bench');
    await expectOk(server.api('POST', `/api/v1/stations/${revoked.stationId}/revoke`));
    tokens.revoked = revoked.credential;
    ids.victimStation = (await server.enrollStation('victim bench')).stationId;
    ids.order = server.dataset.orders[0]?.id ?? 'SO-2001';
    ids.hold = server.dataset.holds[0]?.id ?? 'HOLD-1';
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  }, 60_000);

  /** Valid bodies and queries per route: the fuzzer starts from these and breaks them. */
  const templates = (): Record<string, { body?: unknown; query?: Record<string, string> }> => {
    const d = server.dataset;
    const settings: Partial<typeof d.site> = { ...d.site };
    delete settings.siteId;
    const op = {
      opId: uuidv7(),
      stationSeq: 1,
      kind: 'receipt.line',
      at: new Date().toISOString(),
      operatorId: 'OP-ANA',
      payload: receiptLine('PO-1001', 2, 'ITM-BOLT-M8', 1),
    };
    return {
      'PUT /api/v1/sites/:siteId': { body: settings },
      'POST /api/v1/sites/:siteId/items': { body: { items: d.items.slice(0, 2) } },
      'POST /api/v1/sites/:siteId/locations': { body: { locations: d.locations.slice(0, 2) } },
      'POST /api/v1/sites/:siteId/purchase-orders': { body: { purchaseOrders: d.purchaseOrders.slice(0, 1) } },
      'POST /api/v1/sites/:siteId/asns': { body: { asns: d.asns.slice(0, 1) } },
      'POST /api/v1/sites/:siteId/orders': { body: { orders: d.orders.slice(0, 1) } },
      'POST /api/v1/sites/:siteId/carton-types': { body: { cartonTypes: d.cartonTypes.slice(0, 1) } },
      'POST /api/v1/sites/:siteId/operators': { body: { operators: d.operators.slice(0, 1) } },
      'POST /api/v1/sites/:siteId/holds': {
        body: { id: 'QH-FUZZ', kind: 'lot', itemId: 'ITM-BOLT-M8', lot: 'L1', location: null, reason: 'fuzz', by: 'quality' },
      },
      'POST /api/v1/sites/:siteId/holds/:holdId/release': { body: { by: 'quality' } },
      'POST /api/v1/enrollment-codes': { body: { siteId: 'SITE-DEMO', ttlMinutes: 5 } },
      'GET /api/v1/sites/:siteId/receipts': {
        query: { limit: '10', poId: 'PO-1001', receiptId: 'R-1', itemId: 'ITM-BOLT-M8', cursor: 'abc' },
      },
      'GET /api/v1/sites/:siteId/shipments': { query: { limit: '10', orderId: 'SO-2001', shipped: 'true', cursor: 'abc' } },
      'GET /api/v1/sites/:siteId/on-hand': {
        query: { limit: '10', itemId: 'ITM-BOLT-M8', location: 'A-01-01-1', lot: 'L1', cursor: 'abc' },
      },
      'GET /api/v1/sites/:siteId/ledger': {
        query: { limit: '10', itemId: 'ITM-BOLT-M8', kind: 'receipt', opId: randomUUID(), stationId: randomUUID(), cursor: 'abc' },
      },
      'POST /sync/v1/enroll': { body: { code: 'ABCD-EFGH-JKMN', stationName: 'fuzz', role: 'both' } },
      'POST /sync/v1/push': { body: { ops: [op] } },
      'GET /sync/v1/pull': { query: { cursor: '0', limit: '10', epoch: 'x' } },
      'GET /sync/v1/exceptions': { query: { status: 'open', limit: '10' } },
      'POST /sync/v1/exceptions/:opId/resolve': { body: { resolvedBy: 'OP-ANA', note: 'fixed' } },
      'POST /sync/v1/carrier-label': {
        body: { orderId: ids.order, cartonId: 'C-1', carrier: 'HOUSE', service: 'STANDARD', weightG: 500, shipTo: d.orders[0]?.shipTo },
      },
    };
  };

  const paramValue = (name: string): fc.Arbitrary<string> => {
    const known: Record<string, string[]> = {
      siteId: ['SITE-DEMO', 'SITE-NOPE'],
      orderId: [ids.order, 'SO-NOPE'],
      holdId: [ids.hold, 'HOLD-NOPE'],
      stationId: [ids.victimStation, randomUUID()],
      opId: [randomUUID()],
      '*': ['static/index.html', 'json'],
    };
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(known[name] ?? ['x'])) },
      { weight: 3, arbitrary: hostileString.filter((s) => s.length < 3000).map(segment) },
      { weight: 1, arbitrary: fc.constantFrom('%ff', '%', '%zz', '%c0%af', '%E0%A4%A', '%00', '..', '%2e%2e', 'a%2Fb', 'x'.repeat(500)) },
    );
  };

  const queryArb = (template: Record<string, string> | undefined): fc.Arbitrary<string> => {
    const fromTemplate = template
      ? nearlyValid(template).map((q) => {
          if (q === null || typeof q !== 'object') return `q=${segment(String(q))}`;
          return Object.entries(q)
            .map(([k, v]) => `${segment(k)}=${segment(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`)
            .join('&');
        })
      : fc.constant('');
    return fc.oneof(
      { weight: 4, arbitrary: fromTemplate },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'limit=-1',
          'limit=1e309',
          'limit=99999999999999999999',
          'cursor=%ff%fe',
          'limit=1&limit=2',
          'cursor[]=1&cursor[]=2',
          'status=open&status=all',
          `epoch=${'e'.repeat(5000)}`,
          "kind=receipt'--",
        ),
      },
      { weight: 1, arbitrary: fc.constant('') },
    );
  };

  const bodyArb = (route: RouteEntry, template: unknown): fc.Arbitrary<string | Uint8Array | undefined> => {
    if (route.method === 'GET' || route.method === 'HEAD') return fc.constant(undefined);
    return fc.oneof(
      {
        weight: template === undefined ? 0 : 6,
        arbitrary: template === undefined ? fc.constant(undefined) : nearlyValid(template).map((v) => JSON.stringify(v)),
      },
      { weight: 2, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
      { weight: 2, arbitrary: hostileRawBody },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  };

  const garbageToken = fc.oneof(
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      `Bearer ${ADMIN_KEY}x`,
      `Bearer ${ADMIN_KEY} extra`,
      "Bearer ' OR 1=1 --",
      `Bearer ${'A'.repeat(8000)}`,
      'Bearer ^XA~JR',
      'Bearer wbs_',
    ),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }).map((s) => `Bearer ${s}`),
  );

  const attackArb = (): fc.Arbitrary<Attack> => {
    const all = templates();
    return fc.constantFrom(...routes).chain((route) => {
      const template = all[`${route.method === 'HEAD' ? 'GET' : route.method} ${route.path}`];
      const params = paramsOf(route.path);
      return fc.record({
        route: fc.constant(route),
        params: fc.tuple(...params.map(paramValue)).map((values) => Object.fromEntries(params.map((p, i) => [p, values[i] ?? '']))),
        query: queryArb(template?.query),
        auth: fc.oneof(
          { weight: 3, arbitrary: fc.constant<Auth>(needsAdmin(route) ? 'admin' : needsStation(route) ? 'station' : 'none') },
          { weight: 2, arbitrary: fc.constantFrom(...AUTHS) },
        ),
        token: garbageToken,
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constant('application/json') },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              null,
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/json; charset=latin1',
              'multipart/form-data; boundary=x',
              'application/xml',
            ),
          },
        ),
        body: bodyArb(route, template?.body),
      });
    });
  };

  async function send(attack: Attack): Promise<Answer> {
    let path = attack.route.path;
    for (const [name, value] of Object.entries(attack.params))
      path = name === '*' ? path.replace('*', value) : path.replace(`:${name}`, value);
    const headers: Record<string, string> = {};
    if (attack.auth === 'garbage') headers.authorization = attack.token;
    else if (attack.auth !== 'none') headers.authorization = `Bearer ${tokens[attack.auth]}`;
    if (attack.contentType && attack.body !== undefined) headers['content-type'] = attack.contentType;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15_000);
    try {
      const response: Response = await fetch(`${server.url}${path}${attack.query ? `?${attack.query}` : ''}`, {
        method: attack.route.method,
        headers,
        ...(attack.body !== undefined ? { body: attack.body } : {}),
        signal: controller.signal,
        redirect: 'manual',
      });
      if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        controller.abort();
        return { status: response.status, text: '', stream: true };
      }
      return { status: response.status, text: await response.text(), stream: false };
    } catch (error) {
      throw new Error(`no answer to ${describeAttack(attack)}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** One attack: never a 5xx, a JSON error for every refusal, nothing stored by a refusal, no way in without the right credential. */
  async function check(attack: Attack): Promise<void> {
    const what = describeAttack(attack);
    const before = await storedState(server.serverDb, server.siteId);
    const answer = await send(attack);
    const key = `${attack.route.method} ${attack.route.path}`;
    const stats = seen.get(key) ?? { requests: 0, statuses: new Set<number>() };
    stats.requests++;
    stats.statuses.add(answer.status);
    seen.set(key, stats);

    expect(answer.status, what).toBeLessThan(500);
    expect(answer.status, what).toBeGreaterThanOrEqual(200);
    const authorised =
      (needsAdmin(attack.route) && attack.auth === 'admin') ||
      (needsStation(attack.route) && attack.auth === 'station') ||
      isPublic(attack.route);
    if (!authorised) expect(answer.status, `${what}: let in without the right credential`).toBeGreaterThanOrEqual(400);
    if (answer.status >= 400) {
      if (attack.route.method !== 'HEAD') {
        let body: unknown;
        try {
          body = JSON.parse(answer.text);
        } catch {
          body = answer.text;
        }
        expect(ErrorBody.safeParse(body).success, `${what}: ${answer.status} answered ${answer.text.slice(0, 300)}`).toBe(true);
      }
      expect(await storedState(server.serverDb, server.siteId), `${what}: refused (${answer.status}) but stored something`).toEqual(before);
    }
  }

  it('enumerates the routes from the server itself, path parameters included', () => {
    const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const key of Object.keys(templates())) expect(keys, key).toContain(key);
    expect(keys).toContain('GET /sync/v1/live');
    expect(keys).toContain('POST /api/v1/stations/:stationId/revoke');
    expect(keys).toContain('POST /api/v1/sites/:siteId/orders/:orderId/cancel');
    expect(keys).toContain('GET /health');
  });

  it('every route with every kind of credential and a hostile request', async () => {
    const hostile = fc.sample(fc.tuple(hostileString, hostileRawBody), { numRuns: routes.length * AUTHS.length, seed: 7 });
    let i = 0;
    for (const route of routes) {
      for (const auth of AUTHS) {
        const [text, raw] = hostile[i++] ?? ['x', '{'];
        const params = Object.fromEntries(paramsOf(route.path).map((p) => [p, segment(text.slice(0, 200)) || 'x']));
        await check({
          route,
          params,
          query: `limit=${segment(text.slice(0, 200))}`,
          auth,
          token: `Bearer ${text.replace(/[^\x20-\x7e]/g, '').slice(0, 200)}`,
          contentType: 'application/json',
          body: route.method === 'GET' || route.method === 'HEAD' ? undefined : raw,
        });
      }
    }
    expect(seen.size).toBe(new Set(routes.map((r) => `${r.method} ${r.path}`)).size);
  }, 60_000);

  it('random and hostile requests: no 5xx, JSON errors, nothing stored when refused', async () => {
    await fc.assert(fc.asyncProperty(attackArb(), check), { numRuns: 800 });
    // The fuzzer got past validation too: some attacks were accepted somewhere.
    expect([...seen.values()].some((s) => [...s.statuses].some((status) => status >= 200 && status < 300))).toBe(true);
  }, 90_000);

  it('what the HTTP parser refuses (oversized request line, not HTTP at all) gets the same JSON error', async () => {
    const before = await storedState(server.serverDb, server.siteId);
    const long = await fetch(`${server.url}/api/v1/sites/SITE-DEMO/ledger?cursor=${'c'.repeat(40_000)}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(long.status).toBe(431);
    expect(ErrorBody.parse(await long.json()).error.code).toBe('headers_too_large');

    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: server.port });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write("'; DROP TABLE items; -- ^XA~JR\r\n\r\n");
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(ErrorBody.parse(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).error.code).toBe('bad_request');
    expect(await storedState(server.serverDb, server.siteId)).toEqual(before);
  });

  it('text the database cannot store (NUL, unpaired surrogates) is refused whole, in bodies, queries and path parameters', async () => {
    const route = (method: string, path: string) => {
      const found = routes.find((r) => r.method === method && r.path === path);
      if (!found) throw new Error(`no route ${method} ${path}`);
      return found;
    };
    const attack = (method: string, path: string, auth: Auth, extra: Partial<Attack>): Attack => ({
      route: route(method, path),
      params: {},
      query: '',
      auth,
      token: '',
      contentType: 'application/json',
      body: undefined,
      ...extra,
    });
    const op = (lot: string) => ({
      opId: uuidv7(),
      stationSeq: 1,
      kind: 'receipt.line',
      at: new Date().toISOString(),
      operatorId: 'OP-ANA',
      payload: receiptLine('PO-1001', 2, 'ITM-BOLT-M8', 1, { lot }),
    });
    const settings: Partial<typeof server.dataset.site> = { ...server.dataset.site };
    delete settings.siteId;
    const item = server.dataset.items[0];
    const cases = [
      attack('PUT', '/api/v1/sites/:siteId', 'admin', {
        params: { siteId: 'SITE-DEMO' },
        body: JSON.stringify({ ...settings, siteName: 'Demo\u0000DC' }),
      }),
      attack('POST', '/api/v1/sites/:siteId/items', 'admin', {
        params: { siteId: 'SITE-DEMO' },
        body: JSON.stringify({ items: [{ ...item, description: 'bolt \ud800' }] }),
      }),
      attack('POST', '/api/v1/sites/:siteId/operators', 'admin', {
        params: { siteId: 'SITE-DEMO' },
        body: '{"operators":[{"id":"OP-X","badge":"9999","name":"a\\u0000b","roles":["receiver"],"active":true}]}',
      }),
      attack('POST', '/api/v1/sites/:siteId/orders/:orderId/cancel', 'admin', { params: { siteId: 'SITE-DEMO', orderId: '%00' } }),
      attack('GET', '/api/v1/sites/:siteId/ledger', 'admin', { params: { siteId: 'SITE-DEMO' }, query: 'lot=%00' }),
      attack('POST', '/sync/v1/push', 'station', { body: JSON.stringify({ ops: [op('L\u0000')] }) }),
      attack('POST', '/sync/v1/push', 'station', { body: JSON.stringify({ ops: [op('L\udc00')] }) }),
    ];
    for (const c of cases) {
      const before = await storedState(server.serverDb, server.siteId);
      const answer = await send(c);
      expect(answer.status, describeAttack(c)).toBe(400);
      expect(ErrorBody.parse(JSON.parse(answer.text)).error.code).toBe('invalid_request');
      expect(await storedState(server.serverDb, server.siteId)).toEqual(before);
    }
  });

  it('a station op carrying such text is set aside as an exception and the ops after it still apply', async () => {
    const { credential } = await server.enrollStation(`nul bench ${backend}`);
    const dir = tempDir('wb-fuzz-station-');
    const db = await openStationDatabase(join(dir.path, 'station.sqlite'));
    const client = createSyncClient({
      db,
      serverUrl: server.url,
      credential,
      live: false,
      autoStart: false,
      backoff: { initialMs: 20, maxMs: 200 },
    });
    try {
      const outbox = createOutbox(db);
      const at = new Date().toISOString();
      const before = outbox.enqueue('receipt.line', receiptLine('PO-1001', 2, 'ITM-BOLT-M8', 1), 'OP-ANA', at);
      const poisoned = outbox.enqueue('receipt.line', receiptLine('PO-1001', 2, 'ITM-BOLT-M8', 1, { lot: 'L\u0000' }), 'OP-ANA', at);
      const after = outbox.enqueue('receipt.line', receiptLine('PO-1001', 2, 'ITM-BOLT-M8', 1), 'OP-ANA', at);
      const state = await client.syncNow();
      expect(state).toMatchObject({ queueDepth: 0, rejected: 1 });
      expect([before, poisoned, after].map((id) => outbox.get(id)?.state)).toEqual(['applied', 'rejected', 'applied']);
      expect(outbox.get(poisoned)?.rejectCode).toBe('invalid_op');
    } finally {
      await client.stop();
      db.close();
      dir.remove();
    }
  });

  it('a body over the size limit is refused with a JSON error before anything is stored', async () => {
    const huge = JSON.stringify({ ops: [{ pad: 'x'.repeat(5 * 1024 * 1024) }] });
    for (const route of routes.filter((r) => r.path === '/sync/v1/push' || r.path === '/api/v1/enrollment-codes')) {
      for (const auth of ['station', 'admin'] as const) {
        await check({ route, params: {}, query: '', auth, token: '', contentType: 'application/json', body: huge });
      }
    }
    expect(seen.get('POST /sync/v1/push')?.statuses).toContain(413);
  }, 30_000);
});
