import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Op, OpOf, OpResult, RejectionCode } from '../../shared/sync-protocol';
import { type BulkColumns, bulkInsert } from '../db/bulk';
import type { ServerDatabase } from '../db/schema';
import type { StationIdentity } from '../plugins/auth';
import { countClose } from './counts';
import { inspectionRecord, receiptPhoto } from './inspections';
import { itemBarcodeLink, manifestClose, orderProblem, packCartonClose, shipmentClose } from './packing';
import { receiptBlind } from './receipt-blind';
import { createReceiptRun, type ReceiptRun, receiptFactsColumns, SerialRace } from './receipt-run';
import { lpnPutaway, lpnPutawayUndo, lpnSplit, receiptClose, receiptLine, receiptUndo } from './receiving';
import { type OpContext, type OpHandlers, Rejection } from './rejection';
import { returnClose } from './returns';

const handlers: OpHandlers = {
  'receipt.line': receiptLine,
  'receipt.undo': receiptUndo,
  'receipt.close': receiptClose,
  'receipt.blind': receiptBlind,
  'lpn.putaway': lpnPutaway,
  'lpn.split': lpnSplit,
  'lpn.putaway.undo': lpnPutawayUndo,
  'pack.carton.close': packCartonClose,
  'shipment.close': shipmentClose,
  'order.problem': orderProblem,
  'manifest.close': manifestClose,
  'item.barcode.link': itemBarcodeLink,
  'return.close': returnClose,
  'count.close': countClose,
  'inspection.record': inspectionRecord,
  'receipt.photo': receiptPhoto,
};

/** PostgreSQL codes worth a retry of the whole batch: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function runHandler(ctx: OpContext): Promise<void> {
  // The map is keyed by kind, so ctx.op matches the handler; TypeScript cannot see through the union.
  const handler = handlers[ctx.op.kind] as (ctx: OpContext) => Promise<void>;
  return handler(ctx);
}

function opRow(station: StationIdentity, op: Op) {
  return {
    op_id: op.opId,
    site_id: station.siteId,
    station_id: station.id,
    station_seq: op.stationSeq,
    kind: op.kind,
    status: 'applied',
    code: null,
    reason: null,
    at: op.at,
    operator_id: op.operatorId,
    payload: JSON.stringify(op.payload),
  };
}

/** What this station's earlier copies of these ops got. Op ids are the station's own: another station's op with the same id is another op. */
async function earlierOutcomes(trx: Kysely<ServerDatabase>, station: StationIdentity, opIds: string[]): Promise<Map<string, OpResult>> {
  const outcomes = new Map<string, OpResult>();
  if (opIds.length === 0) return outcomes;
  const rows = await trx
    .selectFrom('applied_ops')
    .select(['op_id', 'status', 'code', 'reason'])
    .where('site_id', '=', station.siteId)
    .where('station_id', '=', station.id)
    .where('op_id', 'in', opIds)
    .execute();
  for (const row of rows) outcomes.set(row.op_id, earlierOutcome(row));
  return outcomes;
}

const APPLIED_OPS_COLUMNS: BulkColumns<ReturnType<typeof opRow>> = [
  { name: 'op_id', type: 'uuid' },
  { name: 'site_id', type: 'text' },
  { name: 'station_id', type: 'uuid' },
  { name: 'station_seq', type: 'int8' },
  { name: 'kind', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'code', type: 'text' },
  { name: 'reason', type: 'text' },
  { name: 'at', type: 'timestamptz' },
  { name: 'operator_id', type: 'text' },
  { name: 'payload', type: 'jsonb' },
];

const EarlierRows = z.array(
  z.object({ op_id: z.string(), status: z.string(), code: z.string().nullable(), reason: z.string().nullable() }),
);

/** What an op log row says to a copy of its op sent again: a rejected op stays rejected (its first answer may have been lost). */
function earlierOutcome(row: z.infer<typeof EarlierRows>[number]): OpResult {
  return row.status === 'rejected'
    ? { opId: row.op_id, status: 'rejected', code: (row.code ?? 'invalid_op') as RejectionCode, reason: row.reason ?? '' }
    : { opId: row.op_id, status: 'duplicate' };
}

/** The receipt lines the batch opens with: their PO lines are locked by the statement that claims the batch. */
function leadingReceiptLines(ops: Op[]): OpOf<'receipt.line'>[] {
  const run: OpOf<'receipt.line'>[] = [];
  for (const op of ops) {
    if (op.kind !== 'receipt.line') break;
    run.push(op);
  }
  return run;
}

/**
 * The op log rows of the batch go in first, in one statement: a second copy of an op, even one racing in parallel,
 * stops here. The same statement answers what earlier copies got and, for the receipt lines the batch opens with,
 * locks the PO lines of the ops it claimed and reads what they are judged on (see `receiptFactsColumns`): one
 * round trip where there were three. Its subqueries read the statement's snapshot, which never shows its own
 * inserts: `earlier` is what was committed before it began. `earlier` probes the op log once per sent op: a lateral
 * lookup with LIMIT 1 cannot be planned as anything else. As `op_id = ANY(…)`, and as a plain join while the op log's
 * statistics still said it was small, the prepared statement's plan read the station's whole op log per batch.
 */
async function claim(trx: Kysely<ServerDatabase>, station: StationIdentity, ops: Op[], receipts: ReceiptRun) {
  const run = leadingReceiptLines(ops).filter((op) => op.payload.poLineNo !== null);
  const claimedLines =
    run.length > 0
      ? sql`SELECT b.po_id, b.line_no FROM unnest(${run.map((op) => op.opId)}::uuid[], ${run.map((op) => op.payload.poId)}::text[],
          ${run.map((op) => op.payload.poLineNo)}::int[]) AS b(op_id, po_id, line_no) JOIN claimed c ON c.op_id = b.op_id`
      : null;
  const insert = bulkInsert(
    'applied_ops',
    APPLIED_OPS_COLUMNS,
    ops.map((op) => opRow(station, op)),
    sql`ON CONFLICT (site_id, station_id, op_id) DO NOTHING RETURNING op_id`,
  );
  const { rows } = await sql<{ claimed: string[]; earlier: unknown; facts: unknown; pct: number | null; holds: unknown }>`
    WITH claimed AS (${insert})
    SELECT (SELECT coalesce(json_agg(op_id), '[]'::json) FROM claimed) AS claimed,
      (SELECT coalesce(json_agg(json_build_object('op_id', a.op_id, 'status', a.status, 'code', a.code, 'reason', a.reason)), '[]'::json)
        FROM unnest(${ops.map((op) => op.opId)}::uuid[]) AS sent(op_id)
        CROSS JOIN LATERAL (SELECT a.op_id, a.status, a.code, a.reason FROM applied_ops a
          WHERE a.site_id = ${station.siteId} AND a.station_id = ${station.id} AND a.op_id = sent.op_id LIMIT 1) a) AS earlier,
      ${run.length > 0 ? receiptFactsColumns(station.siteId, claimedLines, true) : sql`NULL::json AS facts, NULL::float8 AS pct, NULL::json AS holds`}
    FROM sites s WHERE s.id = ${station.siteId}`.execute(trx);
  const row = rows[0];
  const fresh = new Set(z.array(z.string()).parse(row?.claimed ?? []));
  const outcomes = new Map<string, OpResult>();
  for (const earlier of EarlierRows.parse(row?.earlier ?? [])) outcomes.set(earlier.op_id, earlierOutcome(earlier));
  // A copy that committed while this statement waited on its op log rows is in neither list: look again.
  const unseen = ops.filter((op) => !fresh.has(op.opId) && !outcomes.has(op.opId)).map((op) => op.opId);
  for (const [opId, outcome] of await earlierOutcomes(trx, station, unseen)) outcomes.set(opId, outcome);
  if (run.some((op) => fresh.has(op.opId))) await receipts.preload(row, run);
  return { fresh, outcomes };
}

/** Refused ops: their op log rows say so, and each is a station exception. */
async function recordRejections(trx: Kysely<ServerDatabase>, station: StationIdentity, refused: { op: Op; rejection: Rejection }[]) {
  if (refused.length === 0) return;
  const values = refused.map(({ op, rejection }) => sql`(${op.opId}::uuid, ${rejection.code}::text, ${rejection.reason}::text)`);
  await sql`UPDATE applied_ops SET status = 'rejected', code = v.code, reason = v.reason FROM (VALUES ${sql.join(values)}) AS v(op_id, code, reason)
    WHERE applied_ops.site_id = ${station.siteId} AND applied_ops.station_id = ${station.id} AND applied_ops.op_id = v.op_id`.execute(trx);
  await trx
    .insertInto('station_exceptions')
    .values(
      refused.map(({ op, rejection }) => ({
        op_id: op.opId,
        site_id: station.siteId,
        station_id: station.id,
        kind: op.kind,
        code: rejection.code,
        reason: rejection.reason,
      })),
    )
    .execute();
}

/**
 * One batch in one transaction: the op log rows claimed together, then each new op in stationSeq order. Receipt
 * lines are judged set-based (see receipt-run.ts); every other op runs its handler under a savepoint, so a refused
 * op rolls back alone and the rest of the batch still applies.
 */
async function applyBatch(trx: Transaction<ServerDatabase>, station: StationIdentity, ordered: Op[]): Promise<Map<string, OpResult>> {
  const unique = [...new Map(ordered.map((op) => [op.opId, op])).values()].sort((a, b) => a.stationSeq - b.stationSeq);
  const receipts = createReceiptRun(trx, station.siteId, station.id);
  const { fresh, outcomes } = await claim(trx, station, unique, receipts);
  const todo = unique.filter((op) => fresh.has(op.opId));
  const refused: { op: Op; rejection: Rejection }[] = [];
  const refuse = (op: Op, rejection: Rejection) => {
    refused.push({ op, rejection });
    outcomes.set(op.opId, { opId: op.opId, status: 'rejected', code: rejection.code, reason: rejection.reason });
  };
  for (const [index, op] of todo.entries()) {
    if (op.kind === 'receipt.line') {
      const upcoming = () => {
        const run: OpOf<'receipt.line'>[] = [];
        for (const next of todo.slice(index)) {
          if (next.kind !== 'receipt.line') break;
          run.push(next);
        }
        return run;
      };
      const verdict = await receipts.judge(op, upcoming);
      if (verdict.kind === 'accepted') {
        outcomes.set(op.opId, { opId: op.opId, status: 'applied' });
        continue;
      }
      if (verdict.kind === 'rejected') {
        refuse(op, verdict.rejection);
        continue;
      }
    }
    await receipts.flush();
    await sql`SAVEPOINT op`.execute(trx);
    try {
      await runHandler({ trx, siteId: station.siteId, stationId: station.id, op });
      await sql`RELEASE SAVEPOINT op`.execute(trx);
      outcomes.set(op.opId, { opId: op.opId, status: 'applied' });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      await sql`ROLLBACK TO SAVEPOINT op`.execute(trx);
      await sql`RELEASE SAVEPOINT op`.execute(trx);
      refuse(op, error);
    }
    receipts.forget();
  }
  await receipts.flush();
  await recordRejections(trx, station, refused);
  return outcomes;
}

/**
 * Applies a station's batch in stationSeq order, each op once, all in one transaction (a deadlock or a
 * serialization failure runs the batch again). A copy of an op later in the same batch answers like a resend:
 * `duplicate`, or `rejected` again with the first copy's code.
 */
export async function applyOps(db: Kysely<ServerDatabase>, station: StationIdentity, ops: Op[]): Promise<OpResult[]> {
  const ordered = ops.map((op, index) => ({ op, index })).sort((a, b) => a.op.stationSeq - b.op.stationSeq || a.index - b.index);
  for (let attempt = 1; ; attempt++) {
    try {
      const outcomes = await db.transaction().execute((trx) =>
        applyBatch(
          trx,
          station,
          ordered.map((o) => o.op),
        ),
      );
      const answered = new Set<string>();
      const results = new Array<OpResult>(ops.length);
      for (const { op, index } of ordered) {
        const outcome = outcomes.get(op.opId) ?? { opId: op.opId, status: 'duplicate' };
        results[index] = answered.has(op.opId) && outcome.status === 'applied' ? { opId: op.opId, status: 'duplicate' } : outcome;
        answered.add(op.opId);
      }
      return results;
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && (error instanceof SerialRace || RETRYABLE.has(pgCode(error) ?? ''))) continue;
      throw error;
    }
  }
}
