import type { Database } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';

export type OutboxState = 'pending' | 'applied' | 'duplicate' | 'rejected';

export interface OutboxOp {
  seq: number;
  opId: string;
  kind: string;
  at: string;
  operatorId: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  rejectCode: string | null;
  rejectReason: string | null;
}

interface OutboxRow {
  seq: number;
  op_id: string;
  kind: string;
  at: string;
  operator_id: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  reject_code: string | null;
  reject_reason: string | null;
}

const toOp = (r: OutboxRow): OutboxOp => ({
  seq: r.seq,
  opId: r.op_id,
  kind: r.kind,
  at: r.at,
  operatorId: r.operator_id,
  payload: JSON.parse(r.payload) as unknown,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  rejectCode: r.reject_code,
  rejectReason: r.reject_reason,
});

/** The sync outbox. `enqueue` must run inside the transaction that makes the change the op describes. */
export function createOutbox(db: Database) {
  const insert = db.prepare('INSERT INTO outbox (op_id, kind, at, operator_id, payload) VALUES (?, ?, ?, ?, ?)');
  const pending = db.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?");
  const depth = db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'");
  const rejectedCount = db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'rejected'");
  const rejected = db.prepare("SELECT * FROM outbox WHERE state = 'rejected' ORDER BY seq DESC LIMIT ?");
  const byId = db.prepare('SELECT * FROM outbox WHERE op_id = ?');
  const markDone = db.prepare(
    "UPDATE outbox SET state = ?, done_at = ?, reject_code = ?, reject_reason = ? WHERE op_id = ? AND state = 'pending'",
  );
  const markAttempt = db.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE op_id = ? AND state = 'pending'");

  return {
    enqueue(kind: string, payload: unknown, operatorId: string, at: string): string {
      const opId = uuidv7();
      insert.run(opId, kind, at, operatorId, JSON.stringify(payload));
      return opId;
    },
    pending(limit = 500): OutboxOp[] {
      return (pending.all(limit) as OutboxRow[]).map(toOp);
    },
    depth(): number {
      return (depth.get() as { n: number }).n;
    },
    rejectedCount(): number {
      return (rejectedCount.get() as { n: number }).n;
    },
    rejected(limit = 200): OutboxOp[] {
      return (rejected.all(limit) as OutboxRow[]).map(toOp);
    },
    get(opId: string): OutboxOp | undefined {
      const row = byId.get(opId) as OutboxRow | undefined;
      return row ? toOp(row) : undefined;
    },
    markDone(
      opId: string,
      state: Exclude<OutboxState, 'pending'>,
      at: string,
      code: string | null = null,
      reason: string | null = null,
    ): void {
      markDone.run(state, at, code, reason, opId);
    },
    markAttempt(opId: string, error: string | null): void {
      markAttempt.run(error, opId);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
