import type { Database } from 'better-sqlite3';
import type { Operator } from '../../../shared/domain/master-data';
import { type Clock, isoAt } from '../kernel/clock';
import { createIdleCheckpointer } from './checkpoints';
import { transactionOf } from './database';
import type { Journal } from './journal';
import type { Outbox } from './outbox';
import type { SyncOp } from './sync-op';

/** What happened at the station (journalled) and, when the server must learn of it, its sync op. */
export interface Action {
  kind: string;
  payload: unknown;
  /** Built by `syncOp`, which refuses a payload the server would refuse. */
  op?: SyncOp | undefined;
}

/** What `change` returned and the id of the op enqueued with it (null when the action has no op). */
export interface Recorded<T, Op extends string | null = string | null> {
  value: T;
  opId: Op;
}

export interface Recorder {
  /**
   * Journals an action and, when `op` is given, enqueues its sync op, in one transaction together with `change`.
   * The sync client is told to push afterwards.
   */
  <T = undefined>(operator: Operator, action: Action & { op: NonNullable<Action['op']> }, change?: () => T): Recorded<T, string>;
  <T = undefined>(operator: Operator, action: Action, change?: () => T): Recorded<T>;
}

/** The one way the station writes a change: domain rows, journal entry and outbox op commit together or not at all. */
export function createRecorder(options: {
  db: Database;
  clock: Clock;
  journal: Journal;
  outbox: Outbox;
  onEnqueued: () => void;
}): Recorder {
  const { db, clock, journal, outbox } = options;
  const checkpoints = createIdleCheckpointer(db);
  const inTransaction = transactionOf(db);
  const record = <T>(by: Operator, action: Action, change?: () => T): Recorded<T> => {
    const at = isoAt(clock);
    const result = inTransaction((): Recorded<T> => {
      const value = change ? change() : (undefined as T);
      journal.append(action.kind, action.payload, by.id, at);
      const opId = action.op ? outbox.enqueue(action.op.kind, action.op.payload, by.id, at) : null;
      return { value, opId };
    });
    checkpoints.changed();
    if (action.op) options.onEnqueued();
    return result;
  };
  return record as Recorder;
}
