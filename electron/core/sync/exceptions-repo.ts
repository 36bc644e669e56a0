import type { Database } from 'better-sqlite3';
import type { RejectedOp } from '../../../shared/domain/sync-state';

export interface NewException {
  opId: string;
  kind: string;
  code: string;
  reason: string;
  payload: unknown;
  operatorId: string;
  at: string;
}

interface ExceptionRow {
  op_id: string;
  kind: string;
  code: string;
  reason: string;
  payload: string;
  operator_id: string;
  at: string;
}

/** The station's list of ops the server refused (table `sync_exceptions`). */
export function createSyncExceptions(db: Database) {
  const insert = db.prepare(`INSERT INTO sync_exceptions (op_id, kind, code, reason, payload, operator_id, at, rejected_at)
    VALUES (@opId, @kind, @code, @reason, @payload, @operatorId, @at, @rejectedAt) ON CONFLICT(op_id) DO NOTHING`);
  const open = db.prepare('SELECT * FROM sync_exceptions WHERE resolved_at IS NULL ORDER BY rejected_at DESC, op_id DESC LIMIT ?');
  const openCount = db.prepare('SELECT count(*) AS n FROM sync_exceptions WHERE resolved_at IS NULL');
  const resolve = db.prepare(
    'UPDATE sync_exceptions SET resolved_at = ?, resolved_by = ?, note = ? WHERE op_id = ? AND resolved_at IS NULL',
  );
  return {
    add(exception: NewException, rejectedAt: string): void {
      insert.run({ ...exception, payload: JSON.stringify(exception.payload), rejectedAt });
    },
    open(limit = 500): RejectedOp[] {
      return (open.all(limit) as ExceptionRow[]).map((r) => ({
        opId: r.op_id,
        kind: r.kind,
        at: r.at,
        operatorId: r.operator_id,
        code: r.code,
        reason: r.reason,
        payload: JSON.parse(r.payload) as unknown,
      }));
    },
    openCount(): number {
      return (openCount.get() as { n: number }).n;
    },
    resolve(opId: string, by: string, note: string, at: string): boolean {
      return resolve.run(at, by, note, opId).changes > 0;
    },
  };
}

export type SyncExceptions = ReturnType<typeof createSyncExceptions>;
