import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StationError } from '../../../electron/core/kernel/errors';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { nextSscc, nextStationNumber } from '../../../electron/core/storage/sscc-counter';
import { createSyncClient, type SyncClient } from '../../../electron/core/sync/client';
import { enroll } from '../../../electron/core/sync/enroll';
import { bodyOf, expectOk, siteSettings } from '../../server/support/fixtures';
import { startTestServer, type TestServer } from '../../server/support/harness';
import { startTestPostgres, type TestPostgres } from '../../server/support/postgres';
import { english } from '../../support/english';

const STATIONS = 20;
const OFFLINE = new Set([3, 7, 11, 15, 19]);
const SITE = 'sscc-site';
const PREFIX = '0614141';

interface Station {
  index: number;
  db: Database;
  credential: string;
  client: SyncClient;
  ssccs: string[];
}

describe('SSCCs from leased number ranges: 20 stations, some offline for a while', () => {
  let postgres: TestPostgres;
  let server: TestServer;
  let dir: string;
  const stations: Station[] = [];

  beforeAll(async () => {
    postgres = await startTestPostgres();
    server = await startTestServer({ backend: 'postgres', databaseUrl: postgres.url, limits: { enrollPerMinute: 1000 } });
    dir = await mkdtemp(path.join(tmpdir(), 'wb-sscc-'));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(stations.map((s) => s.client.stop()));
    for (const s of stations) s.db.close();
    await server?.close();
    await postgres?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const clientFor = (db: Database, credential: string) =>
    createSyncClient({
      db,
      serverUrl: server.url,
      credential,
      live: false,
      pollIntervalMs: 3_600_000,
      backoff: { initialMs: 20, maxMs: 200 },
    });

  /** Issues SSCCs the way the workflows do: each in the transaction that uses it; stops at the first refusal. */
  function issue(station: Station, count: number): Error | null {
    for (let i = 0; i < count; i++) {
      try {
        station.ssccs.push(station.db.transaction(() => nextSscc(station.db, PREFIX, i % 2 === 0 ? 3 : 5))());
      } catch (error) {
        return error as Error;
      }
    }
    return null;
  }

  it('never issues an SSCC twice, warns before the offline reserve runs out, and refuses the one after the last', async () => {
    const { api } = server;
    await expectOk(api('PUT', `/api/v1/sites/${SITE}`, { body: siteSettings(SITE, { gs1CompanyPrefix: PREFIX }) }));
    for (let index = 0; index < STATIONS; index++) {
      const code = bodyOf(
        z.object({ code: z.string() }),
        await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId: SITE } }), 201),
      );
      const enrolled = await enroll(server.url, code.code, `bench-${index}`, 'both');
      const db = await openStationDatabase(path.join(dir, `station-${index}.sqlite`));
      stations.push({ index, db, credential: enrolled.credential, client: clientFor(db, enrolled.credential), ssccs: [] });
    }
    // Enrolled and synced: every station holds its reserve.
    await Promise.all(stations.map((s) => s.client.syncNow()));
    for (const s of stations) expect(s.client.state().numbers).toContainEqual(expect.objectContaining({ kind: 'sscc', low: false }));

    // Some stations lose the server; all issue SSCCs at once, the online ones syncing between rounds.
    await Promise.all(stations.filter((s) => OFFLINE.has(s.index)).map((s) => s.client.stop()));
    const warnedBeforeLast = new Set<number>();
    const refused = new Map<number, Error>();
    for (let round = 0; round < 12; round++) {
      await Promise.all(
        stations.map(async (s) => {
          if (refused.has(s.index)) return;
          const error = issue(s, 25);
          if (error) refused.set(s.index, error);
          const stock = s.client.state().numbers.find((n) => n.kind === 'sscc');
          if (stock?.low && stock.left > 0) warnedBeforeLast.add(s.index);
          if (!OFFLINE.has(s.index)) await s.client.syncNow();
        }),
      );
    }
    // Online stations refilled in time; offline ones said so while numbers were left, then refused the next.
    expect([...refused.keys()].sort((a, b) => a - b)).toEqual([...OFFLINE].sort((a, b) => a - b));
    for (const index of OFFLINE) {
      expect(warnedBeforeLast.has(index)).toBe(true);
      expect(refused.get(index)).toMatchObject({
        operatorMessage: { code: 'errors.noNumbersLeft', params: { kind: { code: 'numbers.sscc' } } },
      });
    }

    // Back online: they lease again and go on.
    for (const s of stations.filter((st) => OFFLINE.has(st.index))) {
      s.client = clientFor(s.db, s.credential);
      await s.client.syncNow();
      expect(issue(s, 50)).toBeNull();
    }
    const all = stations.flatMap((s) => s.ssccs);
    expect(all.length).toBeGreaterThan(STATIONS * 200);
    expect(all.length - new Set(all).size).toBe(0);
    // Serial references are unique across the site, whatever the extension digit.
    const references = all.map((sscc) => sscc.slice(1 + PREFIX.length, 17));
    expect(references.length - new Set(references).size).toBe(0);
  }, 180_000);

  it('leases license plate and manifest numbers the same way: unique across stations, warned before the last, refused after it', async () => {
    const site = 'lpn-site';
    const { api } = server;
    await expectOk(api('PUT', `/api/v1/sites/${site}`, { body: siteSettings(site, { gs1CompanyPrefix: PREFIX }) }));
    const offline = new Set([1, 4]);
    const benches: Station[] = [];
    for (let index = 0; index < 6; index++) {
      const code = bodyOf(
        z.object({ code: z.string() }),
        await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId: site } }), 201),
      );
      const enrolled = await enroll(server.url, code.code, `dock-${index}`, 'both');
      const db = await openStationDatabase(path.join(dir, `dock-${index}.sqlite`));
      const bench = { index, db, credential: enrolled.credential, client: clientFor(db, enrolled.credential), ssccs: [] };
      benches.push(bench);
      stations.push(bench);
    }
    await Promise.all(benches.map((s) => s.client.syncNow()));
    for (const s of benches)
      expect(s.client.state().numbers.map((n) => [n.kind, n.low])).toEqual([
        ['sscc', false],
        ['lpn', false],
        ['manifest', false],
      ]);
    await Promise.all(benches.filter((s) => offline.has(s.index)).map((s) => s.client.stop()));

    const localCounter = () => {
      throw new Error('a station with leases never counts its own numbers');
    };
    for (const [kind, perRound, label] of [
      ['lpn', 25, 'LPN'],
      ['manifest', 1, 'manifest'],
    ] as const) {
      const issued = new Map<number, number[]>();
      const warned = new Set<number>();
      const refused = new Map<number, StationError>();
      for (let round = 0; round < 14; round++) {
        for (const s of benches) {
          if (refused.has(s.index)) continue;
          for (let i = 0; i < perRound; i++) {
            try {
              const n = s.db.transaction(() => nextStationNumber(s.db, kind, localCounter))();
              expect(n.source).toBe('leased');
              issued.set(s.index, [...(issued.get(s.index) ?? []), n.value]);
            } catch (error) {
              if (!(error instanceof StationError)) throw error;
              refused.set(s.index, error);
              break;
            }
          }
          const stock = s.client.state().numbers.find((n) => n.kind === kind);
          if (stock?.low && stock.left > 0) warned.add(s.index);
          if (!offline.has(s.index)) await s.client.syncNow();
        }
      }
      expect([...refused.keys()].sort()).toEqual([...offline].sort());
      for (const index of offline) {
        expect(warned.has(index)).toBe(true);
        expect(english(refused.get(index)?.operatorMessage)).toMatch(
          new RegExp(`No ${label} numbers are left on this station: connect it to the server`),
        );
      }
      const all = [...issued.values()].flat();
      expect(all.length).toBeGreaterThan(benches.length * 10);
      expect(all.length - new Set(all).size).toBe(0);
    }
  }, 180_000);
});
