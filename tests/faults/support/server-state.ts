import { sql } from 'kysely';
import type { ServerDb } from '../../../server/db/open';

const TABLES = [
  'sites',
  'enrollment_codes',
  'stations',
  'operators',
  'items',
  'item_barcodes',
  'locations',
  'purchase_orders',
  'po_lines',
  'asns',
  'asn_lines',
  'orders',
  'order_lines',
  'carton_types',
  'holds',
  'change_log',
  'applied_ops',
  'station_exceptions',
  'receipt_lines',
  'receipts',
  'received_serials',
  'cartons',
  'manifests',
  'inventory_ledger',
] as const;

/**
 * What the server has stored, as counts: rows of every table, and the changes that update rather than
 * insert (revocations, cancellations, released holds, used codes, the site's change-log head).
 */
export async function storedState(serverDb: ServerDb, siteId: string): Promise<Record<string, string>> {
  const counts = TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`);
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.raw(counts.join(', '))},
    (SELECT count(*) FROM stations WHERE revoked_at IS NOT NULL) AS revoked_stations,
    (SELECT count(*) FROM stations WHERE last_seen_at IS NOT NULL) AS seen_stations,
    (SELECT count(*) FROM orders WHERE status = 'cancelled') AS cancelled_orders,
    (SELECT count(*) FROM holds WHERE active) AS active_holds,
    (SELECT count(*) FROM enrollment_codes WHERE used_at IS NOT NULL) AS used_codes,
    (SELECT count(*) FROM station_exceptions WHERE resolved_at IS NOT NULL) AS resolved_exceptions,
    (SELECT count(*) FROM change_log WHERE site_id = ${siteId}) AS site_changes,
    (SELECT coalesce(max(seq), 0) FROM change_log WHERE site_id = ${siteId}) AS site_change_head`.execute(serverDb.db);
  const row = rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]));
}
