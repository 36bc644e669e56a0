import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse, parseChange } from '../../shared/sync-protocol';
import { bodyOf, expectOk, item, opFactory, receiptLine, seedSite } from './support/fixtures';
import { type Api, startTestServer, type TestServer } from './support/harness';
import { openLive } from './support/live';
import { startTestPostgres, type TestPostgres } from './support/postgres';
import { forEachBackend } from './support/suite';

const HEARTBEAT_MS = 200;

async function pull(api: Api, credential: string, query: string) {
  return bodyOf(PullResponse, await expectOk(api('GET', `/sync/v1/pull?${query}`, { token: credential })));
}

forEachBackend(
  'pull and live channel',
  (ctx) => {
    it('sends heartbeats on an idle live channel, at the interval its hello names, so a station can tell a dead server', async () => {
      const { api, url } = ctx.server();
      const station = await seedSite(api, 'live-heartbeat');
      const live = await openLive(url, station.credential);
      try {
        const hello = await live.waitFor('hello');
        expect(hello.type === 'hello' && hello.heartbeatMs).toBe(HEARTBEAT_MS);
        // Nothing changes on the site: the channel still speaks, one heartbeat after another.
        const first = await live.waitFor('heartbeat', { timeoutMs: 5000 });
        const since = live.events.indexOf(first) + 1;
        const second = await live.waitFor('heartbeat', { since, timeoutMs: 5000 });
        expect(second.type === 'heartbeat' && first.type === 'heartbeat' && Date.parse(second.at) > Date.parse(first.at)).toBe(true);
        expect(live.events.filter((e) => e.type === 'pull')).toEqual([]);
      } finally {
        live.close();
      }
    });

    it('pages through the site changes by cursor, each entity once at its latest state', async () => {
      const { api } = ctx.server();
      const station = await seedSite(api, 'pull-paging', { items: Array.from({ length: 7 }, (_, i) => item(`I${i}`)) });
      // An update moves the item to the end of the log; the older row is gone.
      await expectOk(api('POST', '/api/v1/sites/pull-paging/items', { body: { items: [item('I0', { description: 'renamed' })] } }));
      const seen: ReturnType<typeof parseChange>[] = [];
      let cursor = 0;
      let pages = 0;
      for (;;) {
        const page = await pull(api, station.credential, `cursor=${cursor}&limit=3`);
        if (page.reset) throw new Error('unexpected reset');
        seen.push(...page.changes.map(parseChange));
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        cursor = page.cursor;
        pages++;
        if (!page.hasMore) break;
      }
      // siteSettings + 7 items + 2 locations = 10 changes in pages of 3.
      expect(pages).toBe(4);
      expect(seen.map((c) => `${c.entity}:${c.id}`).sort()).toEqual(
        ['siteSettings:pull-paging', 'location:A-01', 'location:A-02', ...Array.from({ length: 7 }, (_, i) => `item:I${i}`)].sort(),
      );
      const renamed = seen.find((c) => c.entity === 'item' && c.id === 'I0');
      expect(renamed?.op === 'upsert' && renamed.entity === 'item' && renamed.record.description).toBe('renamed');
      expect(seen.at(-1)?.id).toBe('I0');
      const seqs = seen.map((c) => c.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      // Caught up: an empty page with the same cursor.
      const empty = await pull(api, station.credential, `cursor=${cursor}`);
      expect(empty).toMatchObject({ reset: false, changes: [], cursor, hasMore: false });
    });

    it('answers reset when the cursor is ahead of the server or the epoch is another server', async () => {
      const { api } = ctx.server();
      const station = await seedSite(api, 'pull-reset');
      const first = await pull(api, station.credential, 'cursor=0');
      expect(first.reset).toBe(false);
      const ahead = await pull(api, station.credential, 'cursor=999999');
      expect(ahead).toMatchObject({ reset: true, epoch: first.epoch });
      const rebuilt = await pull(api, station.credential, `cursor=1&epoch=not-${first.epoch}`);
      expect(rebuilt.reset).toBe(true);
      const same = await pull(api, station.credential, `cursor=1&epoch=${first.epoch}`);
      expect(same.reset).toBe(false);
    });

    it('a station sees only its own site', async () => {
      const { api } = ctx.server();
      const a = await seedSite(api, 'pull-site-a', { items: [item('ONLY-A')] });
      await seedSite(api, 'pull-site-b', { items: [item('ONLY-B')] });
      const page = await pull(api, a.credential, 'cursor=0&limit=1000');
      if (page.reset) throw new Error('unexpected reset');
      const ids = page.changes.map((c) => c.id);
      expect(ids).toContain('ONLY-A');
      expect(ids).not.toContain('ONLY-B');
    });

    it('sends a pull notification on the live channel when a hold is created, and none for another site', async () => {
      const { api, url } = ctx.server();
      const station = await seedSite(api, 'live-hold');
      const bystander = await seedSite(api, 'live-other');
      const live = await openLive(url, station.credential);
      const other = await openLive(url, bystander.credential);
      try {
        await live.waitFor('hello');
        await other.waitFor('hello');
        const since = live.events.length;
        await expectOk(
          api('POST', '/api/v1/sites/live-hold/holds', {
            body: { id: 'H-LIVE', kind: 'lot', itemId: 'A', lot: 'L1', location: null, reason: 'recall' },
          }),
          201,
        );
        expect(await live.waitFor('pull', { since })).toEqual({ type: 'pull', siteId: 'live-hold' });
        const page = await pull(api, station.credential, 'cursor=0&limit=1000');
        if (page.reset) throw new Error('unexpected reset');
        expect(page.changes.at(-1)).toMatchObject({ entity: 'hold', id: 'H-LIVE', record: { kind: 'lot', lot: 'L1', active: true } });
        await expectOk(api('POST', '/api/v1/sites/live-hold/holds/H-LIVE/release', { body: {} }));
        expect(await live.waitFor('pull', { since: since + 1 })).toEqual({ type: 'pull', siteId: 'live-hold' });
        expect(other.events.filter((e) => e.type === 'pull')).toEqual([]);
      } finally {
        live.close();
        other.close();
      }
    });

    it('refuses the live channel without a valid credential', async () => {
      const { api } = ctx.server();
      const result = await api('GET', '/sync/v1/live', { token: 'wbs_nope' });
      expect(result.status).toBe(401);
    });
  },
  { liveHeartbeatMs: HEARTBEAT_MS },
);

describe('live channel across two server processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    postgres = await startTestPostgres();
    a = await startTestServer({ backend: 'postgres', databaseUrl: postgres.url });
    b = await startTestServer({ backend: 'postgres', databaseUrl: postgres.url });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await postgres?.stop();
  });

  it('a hold created through one server reaches a station connected to the other (LISTEN/NOTIFY)', async () => {
    const station = await seedSite(a.api, 'cross');
    const live = await openLive(b.url, station.credential);
    try {
      const hello = await live.waitFor('hello');
      expect(hello.type === 'hello' && hello.stationId).toBe(station.stationId);
      const since = live.events.length;
      await expectOk(
        a.api('POST', '/api/v1/sites/cross/holds', {
          body: { id: 'H-X', kind: 'item', itemId: 'A', lot: null, location: null, reason: 'damaged batch' },
        }),
        201,
      );
      expect(await live.waitFor('pull', { since })).toEqual({ type: 'pull', siteId: 'cross' });
      const page = await pull(b.api, station.credential, 'cursor=0&limit=1000');
      if (page.reset) throw new Error('unexpected reset');
      expect(page.changes.some((c) => c.entity === 'hold' && c.id === 'H-X')).toBe(true);
    } finally {
      live.close();
    }
  });

  it('a station at the head of its site, pulling from the other server, gets a change made through one once it is told to pull', async () => {
    const station = await seedSite(a.api, 'cross-head');
    const live = await openLive(b.url, station.credential);
    try {
      await live.waitFor('hello');
      const first = await pull(b.api, station.credential, 'cursor=0&limit=1000');
      if (first.reset) throw new Error('unexpected reset');
      const head = first.cursor;
      // At the head: nothing new (the other server now answers this from memory).
      const idle = await pull(b.api, station.credential, `cursor=${head}&limit=1000`);
      expect(idle).toMatchObject({ reset: false, changes: [], cursor: head, hasMore: false });
      const since = live.events.length;
      await expectOk(
        a.api('POST', '/api/v1/sites/cross-head/holds', {
          body: { id: 'H-HEAD', kind: 'item', itemId: 'A', lot: null, location: null, reason: 'damaged batch' },
        }),
        201,
      );
      await live.waitFor('pull', { since });
      const next = await pull(b.api, station.credential, `cursor=${head}&limit=1000`);
      if (next.reset) throw new Error('unexpected reset');
      expect(next.changes.map((c) => [c.entity, c.id])).toEqual([['hold', 'H-HEAD']]);
      expect(next.cursor).toBeGreaterThan(head);
    } finally {
      live.close();
    }
  });

  it('a station revoked through one server is refused by the other from its next call after the revocation is heard', async () => {
    const station = await seedSite(a.api, 'revoke-cross');
    // The other server has verified the credential and remembers it.
    expect((await b.api('GET', '/sync/v1/pull?cursor=0', { token: station.credential })).status).toBe(200);
    const heard = new Promise<string | null>((resolve) => {
      const stop = b.serverDb.notifier.onRevocation((stationId) => {
        stop();
        resolve(stationId);
      });
    });
    await expectOk(a.api('POST', `/api/v1/stations/${station.stationId}/revoke`));
    expect(await heard).toBe(station.stationId);
    const refused = await b.api('GET', '/sync/v1/pull?cursor=0', { token: station.credential });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'station_revoked' } });
    const push = await b.api('POST', '/sync/v1/push', {
      token: station.credential,
      body: { ops: [opFactory()('receipt.line', receiptLine('PO-NONE', 1, 'A', 1))] },
    });
    expect(push.status).toBe(401);
  });
});
