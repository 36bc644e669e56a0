import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NumberKind, NumberLease } from '../../shared/sync-protocol';
import { type ServerProcess, spawnServerProcesses } from '../support/server/spawn-server';
import { bodyOf, enrollStation, expectOk, siteSettings } from './support/fixtures';
import { ADMIN_KEY, type Api, httpApi } from './support/harness';
import { startTestPostgres, type TestPostgres } from './support/postgres';

const STATIONS = 20;
const SITE = 'leases';

/** Ranges of one kind that share a number, as pairs. */
function overlaps(leases: NumberLease[]): [NumberLease, NumberLease][] {
  const sorted = [...leases].sort((a, b) => a.first - b.first);
  return sorted.slice(1).flatMap((lease, i) => (lease.first <= sorted[i]!.last ? [[sorted[i]!, lease] as [NumberLease, NumberLease]] : []));
}

describe('number leases: 20 stations against two server processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let servers: ServerProcess[] = [];
  let apis: Api[] = [];
  const env = () => ({
    DATABASE_URL: postgres.url,
    WAREBENCH_ADMIN_KEY: ADMIN_KEY,
    WAREBENCH_RATE_PER_MINUTE: '1000000',
    WAREBENCH_ENROLL_PER_MINUTE: '100000',
    WAREBENCH_ANONYMOUS_PER_MINUTE: '100000',
    WAREBENCH_DB_POOL: '6',
  });
  const start = async () => {
    servers = await spawnServerProcesses(2, env());
    apis = servers.map((s) => httpApi(s.url));
  };

  beforeAll(async () => {
    postgres = await startTestPostgres();
    await start();
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await postgres?.stop();
  }, 60_000);

  const lease = async (api: Api, credential: string, kind: NumberKind, count?: number) =>
    bodyOf(
      NumberLease,
      await expectOk(api('POST', '/sync/v1/number-leases', { token: credential, body: { kind, ...(count ? { count } : {}) } }), 201),
    );

  it('never leases a number twice, across processes and a restart of both', async () => {
    await expectOk(apis[0]!('PUT', `/api/v1/sites/${SITE}`, { body: siteSettings(SITE) }));
    const stations = [];
    for (let i = 0; i < STATIONS; i++) stations.push(await enrollStation(apis[i % 2]!, SITE, `bench-${i}`));
    const leased: NumberLease[] = [];
    // Every station at once, each through both processes, SSCCs with the site's block and LPNs of its own size.
    await Promise.all(
      stations.map(async (station, i) => {
        for (let round = 0; round < 4; round++) {
          const api = apis[(i + round) % 2]!;
          const [sscc, lpn] = await Promise.all([lease(api, station.credential, 'sscc'), lease(api, station.credential, 'lpn', 7 + i)]);
          leased.push(sscc, lpn);
        }
      }),
    );
    const byKind = (kind: NumberKind) => leased.filter((l) => l.kind === kind);
    expect(byKind('sscc')).toHaveLength(STATIONS * 4);
    expect(overlaps(byKind('sscc'))).toEqual([]);
    expect(overlaps(byKind('lpn'))).toEqual([]);
    expect(byKind('lpn').every((l) => l.last - l.first + 1 >= 7)).toBe(true);
    // Nothing lost between blocks either: the site's SSCC numbers are one run from 1.
    const ssccNumbers = byKind('sscc').reduce((n, l) => n + l.last - l.first + 1, 0);
    expect(Math.max(...byKind('sscc').map((l) => l.last))).toBe(ssccNumbers);

    await Promise.all(servers.map((s) => s.stop()));
    await start();
    const after = await lease(apis[1]!, stations[0]!.credential, 'sscc');
    expect(after.first).toBe(ssccNumbers + 1);
  }, 180_000);

  it("sizes the offline reserve by the station's own use and the site's reserve days", async () => {
    const station = await enrollStation(apis[0]!, SITE, 'bench-reserve');
    const first = await lease(apis[0]!, station.credential, 'manifest');
    for (let i = 0; i < 6; i++) await lease(apis[i % 2]!, station.credential, 'manifest', 70);
    const threeDays = await lease(apis[0]!, station.credential, 'manifest', 1);
    await expectOk(apis[0]!('PUT', `/api/v1/sites/${SITE}`, { body: siteSettings(SITE, { numberReserveDays: 6 }) }));
    const sixDays = await lease(apis[1]!, station.credential, 'manifest', 1);
    // More use, a larger reserve; twice the days, about twice the reserve (the one number leased in between counts too).
    expect(threeDays.refillBelow).toBeGreaterThan(first.refillBelow);
    expect(sixDays.refillBelow).toBeGreaterThanOrEqual(2 * threeDays.refillBelow);
    expect(sixDays.refillBelow).toBeLessThanOrEqual(2 * threeDays.refillBelow + 1);
    // Without a count the block is the reserve.
    const block = await lease(apis[0]!, station.credential, 'manifest');
    expect(block.last - block.first + 1).toBe(block.refillBelow);
  }, 60_000);
});
