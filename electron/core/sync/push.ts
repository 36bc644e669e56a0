import type { Database } from 'better-sqlite3';
import { MAX_PUSH_BATCH, Op, type OpResult } from '../../../shared/sync-protocol';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../kernel/log';
import type { Outbox, OutboxOp } from '../storage/outbox';
import type { SyncExceptions } from './exceptions-repo';
import { type ServerApi, SyncHttpError } from './server-api';

export interface PushDeps {
  db: Database;
  outbox: Outbox;
  exceptions: SyncExceptions;
  api: ServerApi;
  clock: Clock;
  log: Logger;
  batchSize: number;
}

export interface PushOutcome {
  applied: number;
  duplicate: number;
  rejected: number;
}

function toOp(row: OutboxOp) {
  return Op.safeParse({
    opId: row.opId,
    stationSeq: row.seq,
    kind: row.kind,
    at: row.at,
    operatorId: row.operatorId,
    payload: row.payload,
  });
}

/**
 * Pushes the outbox in order, in batches, until it is empty. Rejected ops go to the exceptions list and
 * the queue moves on. Throws SyncHttpError when the server cannot be reached or refuses the station;
 * what was answered before that stays marked.
 */
export async function pushOutbox(deps: PushDeps, signal?: AbortSignal): Promise<PushOutcome> {
  const { db, outbox, exceptions, api, clock, log } = deps;
  const outcome: PushOutcome = { applied: 0, duplicate: 0, rejected: 0 };
  let batchSize = Math.min(Math.max(1, deps.batchSize), MAX_PUSH_BATCH);

  const reject = (row: OutboxOp, code: string, reason: string) => {
    const now = clock.now().toISOString();
    db.transaction(() => {
      outbox.markDone(row.opId, 'rejected', now, code, reason);
      exceptions.add({ opId: row.opId, kind: row.kind, code, reason, payload: row.payload, operatorId: row.operatorId, at: row.at }, now);
    })();
    outcome.rejected++;
    log.warn({ opId: row.opId, kind: row.kind, code, reason }, 'sync op rejected');
  };

  const record = (rows: Map<string, OutboxOp>, results: OpResult[]) => {
    const now = clock.now().toISOString();
    db.transaction(() => {
      for (const result of results) {
        const row = rows.get(result.opId);
        if (!row) continue;
        if (result.status === 'rejected') {
          const code = result.code ?? 'rejected';
          const reason = result.reason ?? 'refused by the server';
          outbox.markDone(row.opId, 'rejected', now, code, reason);
          exceptions.add(
            { opId: row.opId, kind: row.kind, code, reason, payload: row.payload, operatorId: row.operatorId, at: row.at },
            now,
          );
          outcome.rejected++;
          log.warn({ opId: row.opId, kind: row.kind, code, reason }, 'sync op rejected by the server');
        } else {
          outbox.markDone(row.opId, result.status, now);
          outcome[result.status]++;
        }
      }
    })();
  };

  for (;;) {
    signal?.throwIfAborted();
    const rows = outbox.pending(batchSize);
    if (rows.length === 0) return outcome;
    const ops: Op[] = [];
    const byId = new Map<string, OutboxOp>();
    for (const row of rows) {
      const parsed = toOp(row);
      if (parsed.success) {
        ops.push(parsed.data);
        byId.set(row.opId, row);
      } else {
        // Sent as is, it would make the server refuse the whole batch: it can never apply, so it goes aside.
        reject(
          row,
          'invalid_op',
          `the op does not match the sync protocol: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
    }
    if (ops.length === 0) continue;
    try {
      const answer = await api.push(ops, signal);
      record(byId, answer.results);
      const answered = new Set(answer.results.map((r) => r.opId));
      const unanswered = ops.filter((op) => !answered.has(op.opId));
      if (unanswered.length > 0)
        throw new SyncHttpError(502, 'bad_response', `the server did not answer ${unanswered.length} op(s) of the batch`);
      batchSize = Math.min(Math.max(1, deps.batchSize), MAX_PUSH_BATCH);
    } catch (error) {
      if (!(error instanceof SyncHttpError)) throw error;
      if (error.status === 413 && ops.length > 1) {
        batchSize = Math.max(1, Math.floor(ops.length / 2));
        continue;
      }
      if ((error.status === 400 || error.status === 413) && ops.length > 1) {
        // The server refuses the batch as a whole: send one at a time to find the op it cannot take.
        batchSize = 1;
        continue;
      }
      if ((error.status === 400 || error.status === 413) && ops.length === 1) {
        const row = ops[0] && byId.get(ops[0].opId);
        if (!row) throw error;
        reject(row, 'invalid_op', `the server refused the op: ${error.message}`);
        continue;
      }
      for (const op of ops) outbox.markAttempt(op.opId, error.message);
      throw error;
    }
  }
}
