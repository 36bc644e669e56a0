import { type Kysely, sql } from 'kysely';
import { SiteSettings } from '../../shared/domain/master-data';
import type { NumberKind, NumberLease, NumberLeaseRequest } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';
import type { StationIdentity } from '../plugins/auth';

/** Days of a station's use it holds for a time without the server, when the site does not say. */
export const DEFAULT_RESERVE_DAYS = 3;
/** The smallest offline reserve of each kind: a new station has no history to size it by. */
export const MIN_RESERVE: Record<NumberKind, number> = { sscc: 200, lpn: 200, manifest: 10 };
const MAX_BLOCK = 100_000;
/** How far back a station's use is measured. */
const USE_WINDOW_DAYS = 7;

/** Largest number of a kind: an SSCC serial reference fills the 16 digits the company prefix leaves. */
function capacity(kind: NumberKind, companyPrefix: string): number {
  if (kind === 'sscc') return 10 ** (16 - companyPrefix.length) - 1;
  return kind === 'lpn' ? 999_999_999_999 : 999_999_999;
}

/**
 * Leases the next block of a kind to a station. The site's counter row is created once and then taken under its
 * row lock (`UPDATE … RETURNING`): two server processes, or one restarted, never lease a number twice. The block
 * is the station's offline reserve: `numberReserveDays` of its use, measured by what it leased over the last
 * week (at least MIN_RESERVE); the station asks for the next block online once fewer than that are left.
 */
export async function leaseNumbers(
  db: Kysely<ServerDatabase>,
  station: StationIdentity,
  request: NumberLeaseRequest,
): Promise<NumberLease> {
  const { kind } = request;
  return db.transaction().execute(async (trx) => {
    const site = await trx.selectFrom('sites').select('settings').where('id', '=', station.siteId).executeTakeFirstOrThrow();
    const settings = SiteSettings.partial().safeParse(site.settings);
    const reserveDays = (settings.success ? settings.data.numberReserveDays : undefined) ?? DEFAULT_RESERVE_DAYS;
    const { rows } = await sql<{ used: number }>`
      SELECT coalesce(sum(last_value - first_value + 1), 0)::float8 AS used FROM number_leases
      WHERE site_id = ${station.siteId} AND station_id = ${station.id} AND kind = ${kind}
        AND leased_at > now() - make_interval(days => ${USE_WINDOW_DAYS})`.execute(trx);
    const perDay = (rows[0]?.used ?? 0) / USE_WINDOW_DAYS;
    const refillBelow = Math.min(MAX_BLOCK, Math.max(MIN_RESERVE[kind], Math.ceil(perDay * reserveDays)));
    const count = Math.min(request.count ?? refillBelow, MAX_BLOCK);
    await trx
      .insertInto('number_counters')
      .values({ site_id: station.siteId, kind, next_value: 1 })
      .onConflict((oc) => oc.columns(['site_id', 'kind']).doNothing())
      .execute();
    const counter = await trx
      .updateTable('number_counters')
      .set({ next_value: sql`next_value + ${count}` })
      .where('site_id', '=', station.siteId)
      .where('kind', '=', kind)
      .returning('next_value')
      .executeTakeFirstOrThrow();
    const first = counter.next_value - count;
    const last = counter.next_value - 1;
    const prefix = settings.success ? (settings.data.gs1CompanyPrefix ?? '') : '';
    if (last > capacity(kind, prefix)) {
      throw new HttpError(
        409,
        'numbers_exhausted',
        `the site has no ${kind} numbers left to lease (${capacity(kind, prefix)} is the last)`,
      );
    }
    const lease = await trx
      .insertInto('number_leases')
      .values({ site_id: station.siteId, kind, first_value: first, last_value: last, station_id: station.id })
      .returning('leased_at')
      .executeTakeFirstOrThrow();
    return { kind, first, last, refillBelow, leasedAt: lease.leased_at.toISOString() };
  });
}
