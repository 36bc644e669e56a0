import type { Transaction } from 'kysely';
import type { Op, OpKind, OpOf, RejectionCode } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';

/** Thrown by an op handler: the op is refused, its transaction rolls back, an exception is recorded. */
export class Rejection extends Error {
  constructor(
    readonly code: RejectionCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'Rejection';
  }
}

export interface OpContext<K extends OpKind = OpKind> {
  trx: Transaction<ServerDatabase>;
  siteId: string;
  stationId: string;
  op: OpOf<K>;
}

export type OpHandler<K extends OpKind> = (ctx: OpContext<K>) => Promise<void>;
export type OpHandlers = { [K in OpKind]: OpHandler<K> };

/** Base of the ledger entries an op writes: who, which station, which op, when. */
export function ledgerBase(ctx: { stationId: string; op: Pick<Op, 'operatorId' | 'opId' | 'at'> }, ref: string | null) {
  const { op } = ctx;
  return { operatorId: op.operatorId, stationId: ctx.stationId, opId: op.opId, ref, at: op.at };
}
