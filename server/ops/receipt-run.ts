import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { Hold } from '../../shared/domain/master-data';
import type { HoldScope } from '../../shared/rules/holds';
import { allowedQty } from '../../shared/rules/receiving';
import type { OpOf } from '../../shared/sync-protocol';
import { type LedgerEntry, ledgerInsert } from '../data/ledger';
import { type BulkColumns, bulkInsert } from '../db/bulk';
import type { ReceiptLinesTable, ServerDatabase } from '../db/schema';
import { duplicateSerial, overReceipt, receiptLedgerEntry, receiptLineRow, receivedHeld } from './receiving';
import type { Rejection } from './rejection';

type ReceiptLineOp = OpOf<'receipt.line'>;

const LineFactsList = z.array(
  z.object({
    po_id: z.string(),
    line_no: z.number().int(),
    po_status: z.string(),
    po_pct: z.number(),
    line_item: z.string(),
    qty_ordered: z.number(),
    qty_received: z.number(),
    item_exists: z.boolean(),
    item_pct: z.number().nullable(),
  }),
);
type LineFacts = z.infer<typeof LineFactsList>[number];

/** A receipt.line op's answer from the set-based path: taken (written at the next flush), refused, or left to its handler. */
export type RunVerdict = { kind: 'accepted' } | { kind: 'rejected'; rejection: Rejection } | { kind: 'handler' };

/** A serial another transaction received between the look-up and the insert: the batch is judged again from the start. */
export class SerialRace extends Error {
  constructor() {
    super('a serial was received by another station while this batch was judged');
    this.name = 'SerialRace';
  }
}

const HoldScopes = z.array(Hold.pick({ kind: true, itemId: true, lot: true, location: true }));

const RECEIPT_LINE_COLUMNS: BulkColumns<Insertable<ReceiptLinesTable>> = [
  { name: 'op_id', type: 'uuid' },
  { name: 'site_id', type: 'text' },
  { name: 'receipt_id', type: 'text' },
  { name: 'po_id', type: 'text' },
  { name: 'asn_id', type: 'text' },
  { name: 'po_line_no', type: 'int4' },
  { name: 'item_id', type: 'text' },
  { name: 'qty', type: 'int4' },
  { name: 'lot', type: 'text' },
  { name: 'expiry', type: 'date' },
  { name: 'serial', type: 'text' },
  { name: 'condition', type: 'text' },
  { name: 'reason', type: 'text' },
  { name: 'lpn', type: 'text' },
  { name: 'held', type: 'bool' },
  { name: 'station_id', type: 'uuid' },
  { name: 'operator_id', type: 'text' },
  { name: 'at', type: 'timestamptz' },
];

const lineKey = (poId: string, lineNo: number) => `${poId}\u0000${lineNo}`;
const serialKey = (itemId: string, serial: string) => `${itemId}\u0000${serial}`;

/** The (PO, line) pairs a run of receipt lines names, as SQL row values. */
export function linePairs(run: readonly ReceiptLineOp[]): RawBuilder<unknown>[] {
  const pairs = new Map<string, RawBuilder<unknown>>();
  for (const op of run)
    if (op.payload.poLineNo !== null)
      pairs.set(lineKey(op.payload.poId, op.payload.poLineNo), sql`(${op.payload.poId}::text, ${op.payload.poLineNo}::int)`);
  return [...pairs.values()];
}

/**
 * The select-list of the facts a run of receipt lines is judged on, to go in `SELECT … FROM sites s WHERE s.id = <site>`:
 * `facts`, the PO lines named by `lines` (a query of (po_id, line_no) rows, or null for none) locked FOR UPDATE in key
 * order with their PO share-locked, and with `withSite` the site's tolerance (`pct`) and its active holds as the
 * shared rule reads them (`holds`). One round trip, alone or inside a larger statement.
 */
export function receiptFactsColumns(siteId: string, lines: RawBuilder<unknown> | null, withSite: boolean): RawBuilder<unknown> {
  const siteColumns = withSite
    ? sql`(s.settings->>'defaultOverReceiptTolerancePct')::float8 AS pct,
          (SELECT coalesce(json_agg(json_build_object('kind', h.kind, 'itemId', h.item_id, 'lot', h.lot, 'location', h.location)), '[]'::json)
            FROM holds h WHERE h.site_id = s.id AND h.active) AS holds`
    : sql`NULL::float8 AS pct, NULL::json AS holds`;
  const lineFacts = lines
    ? sql`(SELECT coalesce(json_agg(f), '[]'::json) FROM (
            SELECT pl.po_id, pl.line_no, po.status AS po_status, po.over_receipt_tolerance_pct AS po_pct, pl.item_id AS line_item,
              pl.qty_ordered, pl.qty_received, i.id IS NOT NULL AS item_exists, i.over_receipt_tolerance_pct AS item_pct
            FROM po_lines pl JOIN purchase_orders po ON po.site_id = pl.site_id AND po.id = pl.po_id
              LEFT JOIN items i ON i.site_id = pl.site_id AND i.id = pl.item_id
            WHERE pl.site_id = ${siteId} AND (pl.po_id, pl.line_no) IN (${lines})
            ORDER BY pl.po_id, pl.line_no
            FOR UPDATE OF pl FOR SHARE OF po) f)`
    : sql`'[]'::json`;
  return sql`${lineFacts} AS facts, ${siteColumns}`;
}

/**
 * Receipt lines of one batch judged set-based: the PO lines of a run of receipt.line ops are locked in one query
 * (FOR UPDATE, in key order, so stations never wait on each other in a circle), judged in memory one op after
 * the other in stationSeq order against the same over-receipt rule, and written with one statement per table at
 * `flush`. A refused op writes nothing, so it needs no rollback. What this path does not judge (an unexpected
 * item, an unknown PO or line, a closed PO) goes to the op's own handler, after a flush, under a savepoint.
 */
export function createReceiptRun(trx: Kysely<ServerDatabase>, siteId: string, stationId: string) {
  let facts: Map<string, LineFacts> | null = null;
  let holds: HoldScope[] | null = null;
  let sitePct: number | null | undefined;
  const knownSerials = new Set<string>();
  const changedLines = new Map<string, LineFacts>();
  let serials: { site_id: string; item_id: string; serial: string; op_id: string }[] = [];
  let lines: Insertable<ReceiptLinesTable>[] = [];
  let ledger: LedgerEntry[] = [];

  /** Takes the facts row of `receiptFactsColumns` (the locked PO lines, and the site's tolerance and holds when asked for). */
  function take(row: { facts: unknown; pct: number | null; holds: unknown } | undefined, withSite: boolean): void {
    facts = new Map();
    for (const line of LineFactsList.parse(row?.facts ?? [])) facts.set(lineKey(line.po_id, line.line_no), line);
    if (withSite) {
      sitePct = row?.pct ?? null;
      holds = HoldScopes.parse(row?.holds ?? []);
    }
  }

  async function load(run: ReceiptLineOp[]): Promise<void> {
    const pairs = linePairs(run);
    const withSite = holds === null || sitePct === undefined;
    facts = new Map();
    if (withSite || pairs.length > 0) {
      const { rows } = await sql<{ facts: unknown; pct: number | null; holds: unknown }>`
        SELECT ${receiptFactsColumns(siteId, pairs.length > 0 ? sql`VALUES ${sql.join(pairs)}` : null, withSite)} FROM sites s WHERE s.id = ${siteId}`.execute(
        trx,
      );
      take(rows[0], withSite);
    }
    await loadSerials(run);
  }

  /** The serials of the run that are already received (a race after this look-up shows at flush). */
  async function loadSerials(run: readonly ReceiptLineOp[]): Promise<void> {
    const wanted = run.flatMap((op) => (op.payload.serial === null ? [] : [op.payload.serial]));
    if (wanted.length === 0) return;
    const taken = await trx
      .selectFrom('received_serials')
      .select(['item_id', 'serial'])
      .where('site_id', '=', siteId)
      .where('serial', 'in', [...new Set(wanted)])
      .execute();
    for (const row of taken) knownSerials.add(serialKey(row.item_id, row.serial));
  }

  return {
    /** Facts already read (by the statement that claimed the batch) for a run of receipt lines, with the site's. */
    async preload(row: { facts: unknown; pct: number | null; holds: unknown } | undefined, run: readonly ReceiptLineOp[]): Promise<void> {
      take(row, true);
      await loadSerials(run);
    },

    /**
     * Judges one receipt.line op. `upcoming` is the run of receipt.line ops from this one on (looked up together
     * when the facts are not loaded yet).
     */
    async judge(op: ReceiptLineOp, upcoming: () => ReceiptLineOp[]): Promise<RunVerdict> {
      const p = op.payload;
      if (p.poLineNo === null) return { kind: 'handler' };
      if (!facts) await load(upcoming());
      const line = facts?.get(lineKey(p.poId, p.poLineNo));
      if (line?.po_status !== 'open' || !line.item_exists || line.line_item !== p.itemId) return { kind: 'handler' };
      const allowed = allowedQty(line.qty_ordered, line.item_pct, line.po_pct, sitePct ?? 0);
      if (line.qty_received + p.qty > allowed) {
        return { kind: 'rejected', rejection: overReceipt(p, line.qty_received, allowed, line.qty_ordered) };
      }
      if (p.serial !== null) {
        const key = serialKey(p.itemId, p.serial);
        if (knownSerials.has(key)) return { kind: 'rejected', rejection: duplicateSerial(p) };
        knownSerials.add(key);
        serials.push({ site_id: siteId, item_id: p.itemId, serial: p.serial, op_id: op.opId });
      }
      line.qty_received += p.qty;
      changedLines.set(lineKey(line.po_id, line.line_no), line);
      const held = receivedHeld(p, holds ?? []);
      lines.push(receiptLineRow(op, siteId, stationId, held));
      ledger.push(receiptLedgerEntry({ stationId, op }, p, held));
      return { kind: 'accepted' };
    },

    /**
     * Writes what was accepted since the last flush: the serials first (a race with another station shows there),
     * then the PO lines' received quantities, the receipt lines and their ledger entries in one statement.
     */
    async flush(): Promise<void> {
      if (serials.length > 0) {
        const inserted = await trx
          .insertInto('received_serials')
          .values(serials)
          .onConflict((oc) => oc.columns(['site_id', 'item_id', 'serial']).doNothing())
          .returning('serial')
          .execute();
        if (inserted.length !== serials.length) throw new SerialRace();
        serials = [];
      }
      const writes: RawBuilder<unknown>[] = [];
      if (changedLines.size > 0) {
        const values = [...changedLines.values()].map((l) => sql`(${l.po_id}::text, ${l.line_no}::int, ${l.qty_received}::int)`);
        writes.push(sql`UPDATE po_lines SET qty_received = v.qty FROM (VALUES ${sql.join(values)}) AS v(po_id, line_no, qty)
          WHERE po_lines.site_id = ${siteId} AND po_lines.po_id = v.po_id AND po_lines.line_no = v.line_no`);
        changedLines.clear();
      }
      if (lines.length > 0) writes.push(bulkInsert('receipt_lines', RECEIPT_LINE_COLUMNS, lines));
      if (ledger.length > 0) writes.push(ledgerInsert(siteId, ledger));
      lines = [];
      ledger = [];
      const last = writes.pop();
      if (!last) return;
      // One round trip: the other writes ride along as data-modifying CTEs of the last one.
      const ctes = writes.map((write, i) => sql`${sql.raw(`w${i}`)} AS (${write})`);
      await (ctes.length > 0 ? sql`WITH ${sql.join(ctes)} ${last}` : last).execute(trx);
    },

    /** Another op's handler may have changed what was looked up: look again before the next receipt line. */
    forget(): void {
      facts = null;
      holds = null;
      knownSerials.clear();
    },
  };
}

export type ReceiptRun = ReturnType<typeof createReceiptRun>;
