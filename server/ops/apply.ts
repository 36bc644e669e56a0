import type { Kysely } from 'kysely';
import type { Op, OpResult, RejectionCode } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import type { StationIdentity } from '../http/auth';
import { itemBarcodeLink, manifestClose, orderProblem, packCartonClose, shipmentClose } from './packing';
import { lpnPutaway, receiptClose, receiptLine, receiptUndo } from './receiving';
import { Rejection, type OpContext, type OpHandlers } from './rejection';

const handlers: OpHandlers = {
  'receipt.line': receiptLine,
  'receipt.undo': receiptUndo,
  'receipt.close': receiptClose,
  'lpn.putaway': lpnPutaway,
  'pack.carton.close': packCartonClose,
  'shipment.close': shipmentClose,
  'order.problem': orderProblem,
  'manifest.close': manifestClose,
  'item.barcode.link': itemBarcodeLink,
};

/** PostgreSQL codes worth a retry of the whole op: serialization failure, deadlock. */
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

function opRow(station: StationIdentity, op: Op, status: 'applied' | 'rejected', code: RejectionCode | null, reason: string | null) {
  return {
    op_id: op.opId,
    site_id: station.siteId,
    station_id: station.id,
    station_seq: op.stationSeq,
    kind: op.kind,
    status,
    code,
    reason,
    at: op.at,
    operator_id: op.operatorId,
    payload: JSON.stringify(op.payload),
  };
}

async function earlierOutcome(db: Kysely<ServerDatabase>, opId: string): Promise<OpResult> {
  const row = await db.selectFrom('applied_ops').select(['status', 'code', 'reason']).where('op_id', '=', opId).executeTakeFirstOrThrow();
  // A rejected op sent again stays rejected (its first answer may have been lost on the way back).
  if (row.status === 'rejected') return { opId, status: 'rejected', code: (row.code ?? 'invalid_op') as RejectionCode, reason: row.reason ?? '' };
  return { opId, status: 'duplicate' };
}

async function applyOne(db: Kysely<ServerDatabase>, station: StationIdentity, op: Op): Promise<OpResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        // The op-id row goes in first: a second copy of the op, even one racing in parallel, stops here.
        const fresh = await trx
          .insertInto('applied_ops')
          .values(opRow(station, op, 'applied', null, null))
          .onConflict((oc) => oc.column('op_id').doNothing())
          .returning('op_id')
          .executeTakeFirst();
        if (!fresh) return earlierOutcome(trx, op.opId);
        await runHandler({ trx, siteId: station.siteId, stationId: station.id, op });
        return { opId: op.opId, status: 'applied' as const };
      });
    } catch (error) {
      if (error instanceof Rejection) return recordRejection(db, station, op, error);
      if (attempt < MAX_ATTEMPTS && RETRYABLE.has(pgCode(error) ?? '')) continue;
      throw error;
    }
  }
}

async function recordRejection(db: Kysely<ServerDatabase>, station: StationIdentity, op: Op, rejection: Rejection): Promise<OpResult> {
  return db.transaction().execute(async (trx) => {
    const fresh = await trx
      .insertInto('applied_ops')
      .values(opRow(station, op, 'rejected', rejection.code, rejection.reason))
      .onConflict((oc) => oc.column('op_id').doNothing())
      .returning('op_id')
      .executeTakeFirst();
    if (!fresh) return earlierOutcome(trx, op.opId);
    await trx
      .insertInto('station_exceptions')
      .values({ op_id: op.opId, site_id: station.siteId, station_id: station.id, kind: op.kind, code: rejection.code, reason: rejection.reason })
      .execute();
    return { opId: op.opId, status: 'rejected' as const, code: rejection.code, reason: rejection.reason };
  });
}

/** Applies a station's batch in stationSeq order, each op once and in its own transaction. */
export async function applyOps(db: Kysely<ServerDatabase>, station: StationIdentity, ops: Op[]): Promise<OpResult[]> {
  const ordered = ops.map((op, index) => ({ op, index })).sort((a, b) => a.op.stationSeq - b.op.stationSeq || a.index - b.index);
  const results = new Array<OpResult>(ops.length);
  for (const { op, index } of ordered) results[index] = await applyOne(db, station, op);
  return results;
}
