import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';

/** Reads for the ERP: keyset-paged with an opaque cursor, filtered. */

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(500).optional(),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new HttpError(400, 'invalid_cursor', 'cursor is not one this server handed out');
  }
}

function page<T>(rows: T[], limit: number, key: (row: T) => unknown): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const LedgerQuery = PageQuery.extend({
  itemId: z.string().max(64).optional(),
  location: z.string().max(64).optional(),
  lot: z.string().max(20).optional(),
  kind: z.enum(['receipt', 'putaway', 'pack', 'ship', 'adjust', 'hold', 'release', 'return']).optional(),
  opId: z.uuid().optional(),
  stationId: z.uuid().optional(),
});

export async function readLedger(db: Kysely<ServerDatabase>, siteId: string, q: z.infer<typeof LedgerQuery>) {
  const after = decodeCursor(q.cursor, z.number().int());
  let query = db
    .selectFrom('inventory_ledger')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('id')
    .limit(q.limit + 1);
  if (after !== undefined) query = query.where('id', '>', after);
  if (q.itemId) query = query.where('item_id', '=', q.itemId);
  if (q.location) query = query.where('location', '=', q.location);
  if (q.lot) query = query.where('lot', '=', q.lot);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.opId) query = query.where('op_id', '=', q.opId);
  if (q.stationId) query = query.where('station_id', '=', q.stationId);
  const rows = await query.execute();
  const result = page(rows, q.limit, (r) => r.id);
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r) => ({
      id: r.id,
      kind: r.kind,
      itemId: r.item_id,
      lot: r.lot,
      serial: r.serial,
      location: r.location,
      lpn: r.lpn,
      qty: r.qty,
      held: r.held,
      operatorId: r.operator_id,
      stationId: r.station_id,
      opId: r.op_id,
      ref: r.ref,
      at: r.at.toISOString(),
    })),
  };
}

export const OnHandQuery = PageQuery.extend({
  itemId: z.string().max(64).optional(),
  location: z.string().max(64).optional(),
  lot: z.string().max(20).optional(),
});

const OnHandKey = z.tuple([z.string(), z.string(), z.string()]);

/** On-hand derived from the ledger: sum of qty by item, location and lot (held shown apart). */
export async function readOnHand(db: Kysely<ServerDatabase>, siteId: string, q: z.infer<typeof OnHandQuery>) {
  const after = decodeCursor(q.cursor, OnHandKey);
  let query = db
    .selectFrom('inventory_ledger')
    .select([
      'item_id',
      'location',
      sql<string>`coalesce(lot, '')`.as('lot_key'),
      sql<number>`sum(qty)::int8`.as('qty'),
      sql<number>`coalesce(sum(qty) FILTER (WHERE held), 0)::int8`.as('held_qty'),
    ])
    .where('site_id', '=', siteId)
    .groupBy(['item_id', 'location', sql`coalesce(lot, '')`])
    .having(sql`sum(qty)`, '!=', 0)
    .orderBy('item_id')
    .orderBy('location')
    .orderBy(sql`coalesce(lot, '')`)
    .limit(q.limit + 1);
  if (q.itemId) query = query.where('item_id', '=', q.itemId);
  if (q.location) query = query.where('location', '=', q.location);
  if (q.lot) query = query.where('lot', '=', q.lot);
  if (after) query = query.where(sql<boolean>`(item_id, location, coalesce(lot, '')) > (${after[0]}, ${after[1]}, ${after[2]})`);
  const rows = await query.execute();
  const result = page(rows, q.limit, (r) => [r.item_id, r.location, r.lot_key]);
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r) => ({
      itemId: r.item_id,
      location: r.location,
      lot: r.lot_key === '' ? null : r.lot_key,
      qty: r.qty,
      heldQty: r.held_qty,
      availableQty: r.qty - r.held_qty,
    })),
  };
}

export const ReceiptsQuery = PageQuery.extend({
  poId: z.string().max(64).optional(),
  /** 'true': only lines of receipts without PO (blind receipts); 'false': only lines received against a PO. */
  unplanned: z.enum(['true', 'false']).optional(),
  receiptId: z.string().max(64).optional(),
  itemId: z.string().max(64).optional(),
});

export async function readReceipts(db: Kysely<ServerDatabase>, siteId: string, q: z.infer<typeof ReceiptsQuery>) {
  // Op ids are unique per station only: the page key is (op id, station id).
  const after = decodeCursor(q.cursor, z.tuple([z.uuid(), z.uuid()]));
  let query = db
    .selectFrom('receipt_lines')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('op_id')
    .orderBy('station_id')
    .limit(q.limit + 1);
  if (after) query = query.where(sql<boolean>`(op_id, station_id) > (${after[0]}::uuid, ${after[1]}::uuid)`);
  if (q.poId) query = query.where('po_id', '=', q.poId);
  if (q.receiptId) query = query.where('receipt_id', '=', q.receiptId);
  if (q.itemId) query = query.where('item_id', '=', q.itemId);
  if (q.unplanned) query = query.where('unplanned', '=', q.unplanned === 'true');
  const rows = await query.execute();
  const result = page(rows, q.limit, (r) => [r.op_id, r.station_id]);
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r) => ({
      opId: r.op_id,
      receiptId: r.receipt_id,
      poId: r.po_id,
      asnId: r.asn_id,
      poLineNo: r.po_line_no,
      itemId: r.item_id,
      qty: r.qty,
      lot: r.lot,
      expiry: r.expiry,
      serial: r.serial,
      condition: r.condition,
      reason: r.reason,
      lpn: r.lpn,
      held: r.held,
      stationId: r.station_id,
      operatorId: r.operator_id,
      at: r.at.toISOString(),
      undoneBy: r.undone_by,
      unplanned: r.unplanned,
      supplierId: r.supplier_id,
    })),
  };
}

export const ShipmentsQuery = PageQuery.extend({
  orderId: z.string().max(64).optional(),
  shipped: z.enum(['true', 'false']).optional(),
});

export async function readShipments(db: Kysely<ServerDatabase>, siteId: string, q: z.infer<typeof ShipmentsQuery>) {
  const after = decodeCursor(q.cursor, z.string());
  let query = db
    .selectFrom('cartons')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('id')
    .limit(q.limit + 1);
  if (after) query = query.where('id', '>', after);
  if (q.orderId) query = query.where('order_id', '=', q.orderId);
  if (q.shipped === 'true') query = query.where('shipped_at', 'is not', null);
  if (q.shipped === 'false') query = query.where('shipped_at', 'is', null);
  const rows = await query.execute();
  const result = page(rows, q.limit, (r) => r.id);
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r) => ({
      cartonId: r.id,
      orderId: r.order_id,
      sscc: r.sscc,
      cartonType: r.carton_type,
      weightG: r.weight_g,
      expectedG: r.expected_g,
      overrideBy: r.override_by,
      overrideReason: r.override_reason,
      carrier: r.carrier,
      service: r.service,
      tracking: r.tracking,
      items: r.items,
      stationId: r.station_id,
      operatorId: r.operator_id,
      packedAt: r.packed_at.toISOString(),
      shippedAt: iso(r.shipped_at),
      manifestId: r.manifest_id,
    })),
  };
}
