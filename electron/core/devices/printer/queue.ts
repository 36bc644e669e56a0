/**
 * Durable print queue: queued -> sent -> done | failed | uncertain.
 *
 * A job is marked `sent` before its bytes go out. When delivery fails before any byte could reach the
 * printer (refused, not ready) the job is retried with backoff; when it fails after (connection dropped
 * mid-job, or the station stopped while `sent`) the label may have printed, so the job becomes `uncertain`
 * and waits for the operator: reprint, or mark done. Nothing is ever resent on its own after that point.
 */
import type { Database } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { type BackoffPolicy, backoffDelay } from '../../../../shared/backoff';
import { PrintError, type PrinterTransport, toError } from './delivery/transport';

export const PrintJobState = z.enum(['queued', 'sent', 'done', 'failed', 'uncertain']);
export type PrintJobState = z.infer<typeof PrintJobState>;

export const PrintJob = z.object({
  id: z.string(),
  key: z.string(),
  reprintOf: z.string().nullable(),
  reason: z.string().nullable(),
  target: z.string(),
  description: z.string(),
  state: PrintJobState,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().int(),
  lastError: z.string().nullable(),
  resolution: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJob>;

export const EnqueueRequest = z.object({
  /** Idempotency key, e.g. `carton:<id>:label`: the same key never prints twice unless reprinted. */
  key: z.string().trim().min(1).max(200),
  target: z.string().trim().min(1).max(300),
  payload: z.union([z.string().min(1), z.instanceof(Uint8Array).refine((b) => b.byteLength > 0, 'the job is empty')]),
  description: z.string().max(200).optional(),
});
export type EnqueueRequest = z.input<typeof EnqueueRequest>;

export const Reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(200);

export const Resolution = z.discriminatedUnion('action', [
  /** Send the job again: the operator checked that the label did not print. */
  z.object({ action: z.literal('reprint'), reason: Reason }),
  /** Close the job: the label did print (uncertain) or is not needed any more (failed). */
  z.object({ action: z.literal('done'), reason: Reason }),
]);
export type Resolution = z.infer<typeof Resolution>;

export class PrintQueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintQueueError';
  }
}

export interface PrintQueueOptions {
  db: Database;
  /** The transport for a job's target; may throw (unknown target), which fails the job. */
  transportFor(target: string): PrinterTransport;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Attempts before a job that never reached the printer is `failed`. */
  maxAttempts?: number;
  /** Retry delays of jobs that never reached the printer (jitter 0 unless given: one bench, one printer). */
  backoff?: Partial<BackoffPolicy>;
  /** Random source for backoff jitter (0 ≤ x < 1). */
  random?: () => number;
  newId?: () => string;
  /** Failures of a background pass (database errors); a pass never throws into the timer. */
  onError?: (error: Error) => void;
}

export interface PrintQueue {
  /** Adds a job, or returns the existing one with the same key (`created: false`). */
  enqueue(request: EnqueueRequest): { job: PrintJob; created: boolean };
  /** A new job printing the original of `key` again (or `payload`), with the reason on record. */
  reprint(key: string, reason: string, options?: { target?: string; payload?: Uint8Array | string }): PrintJob;
  /** The operator's decision on an uncertain or failed job. */
  resolve(id: string, resolution: Resolution): PrintJob;
  /** Attempts every due job (oldest first, one at a time per printer); returns the jobs it touched, as they ended. */
  processDue(): Promise<PrintJob[]>;
  /** After a restart: jobs left `sent` may have printed, so they become `uncertain`. Returns how many. */
  recover(): number;
  get(id: string): PrintJob | undefined;
  /** The bytes a job prints (for previews), or undefined when there is no such job. */
  payload(id: string): Uint8Array | undefined;
  list(filter?: { states?: readonly PrintJobState[]; key?: string; limit?: number }): PrintJob[];
  subscribe(listener: (job: PrintJob) => void): () => void;
  /** Processes due jobs every `intervalMs` and right after each enqueue, until `stop()`. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

const Row = z.object({
  id: z.string(),
  idempotency_key: z.string(),
  reprint_of: z.string().nullable(),
  reason: z.string().nullable(),
  target: z.string(),
  description: z.string(),
  state: PrintJobState,
  attempts: z.number().int(),
  next_attempt_at: z.number().int(),
  last_error: z.string().nullable(),
  resolution: z.string().nullable(),
  bytes: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});

const JOB_COLUMNS = `id, idempotency_key, reprint_of, reason, target, description, state, attempts, next_attempt_at,
  last_error, resolution, length(payload) AS bytes, created_at, updated_at`;

function toJob(row: unknown): PrintJob {
  const r = Row.parse(row);
  return {
    id: r.id,
    key: r.idempotency_key,
    reprintOf: r.reprint_of,
    reason: r.reason,
    target: r.target,
    description: r.description,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    resolution: r.resolution,
    bytes: r.bytes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function payloadBuffer(payload: Uint8Array | string): Buffer {
  return typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
}

export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  const { db } = options;
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff: Partial<BackoffPolicy> = { initialMs: 2_000, maxMs: 60_000, jitter: 0, ...options.backoff };
  const random = options.random ?? Math.random;
  const newId = options.newId ?? uuidv7;
  const listeners = new Set<(job: PrintJob) => void>();
  let running: Promise<PrintJob[]> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stmt = {
    byId: db.prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs WHERE id = ?`),
    originalByKey: db.prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs WHERE idempotency_key = ? AND reprint_of IS NULL`),
    payload: db.prepare('SELECT payload FROM print_jobs WHERE id = ?'),
    insert: db.prepare(`INSERT INTO print_jobs
      (id, idempotency_key, reprint_of, reason, target, description, payload, state, attempts, next_attempt_at, created_at, updated_at)
      VALUES (@id, @key, @reprintOf, @reason, @target, @description, @payload, 'queued', 0, @at, @iso, @iso)`),
    queued: db.prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs WHERE state = 'queued' ORDER BY seq`),
    markSent: db.prepare(`UPDATE print_jobs SET state = 'sent', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'`),
    finish: db.prepare(
      `UPDATE print_jobs SET state = @state, last_error = @error, next_attempt_at = @next, updated_at = @iso WHERE id = @id`,
    ),
    resolve: db.prepare(`UPDATE print_jobs SET state = @state, resolution = @resolution, attempts = @attempts,
      next_attempt_at = @next, updated_at = @iso WHERE id = @id AND state = @from`),
    recover: db.prepare(`UPDATE print_jobs SET state = 'uncertain', updated_at = ?,
      last_error = coalesce(last_error, 'the station stopped while this job was being sent') WHERE state = 'sent' RETURNING id`),
  };

  const iso = (): string => new Date(now()).toISOString();
  const get = (id: string): PrintJob | undefined => {
    const row = stmt.byId.get(id);
    return row === undefined ? undefined : toJob(row);
  };
  const mustGet = (id: string): PrintJob => {
    const job = get(id);
    if (!job) throw new PrintQueueError(`no print job ${id}`);
    return job;
  };
  const emit = (job: PrintJob): PrintJob => {
    for (const listener of listeners) {
      try {
        listener(job);
      } catch (reason) {
        // A failing listener must not leave a job half-way through its states.
        options.onError?.(toError(reason));
      }
    }
    return job;
  };
  const background = (): void => {
    runPass().catch((reason: unknown) => options.onError?.(toError(reason)));
  };
  const kick = (): void => {
    if (timer !== undefined) background();
  };

  function insert(fields: {
    key: string;
    reprintOf: string | null;
    reason: string | null;
    target: string;
    description: string;
    payload: Buffer;
  }): PrintJob {
    const id = newId();
    stmt.insert.run({ id, ...fields, at: now(), iso: iso() });
    return emit(mustGet(id));
  }

  async function attempt(job: PrintJob): Promise<PrintJob> {
    const finish = (state: PrintJobState, error: string | null, next = job.nextAttemptAt): PrintJob => {
      stmt.finish.run({ id: job.id, state, error, next, iso: iso() });
      return emit(mustGet(job.id));
    };
    let transport: PrinterTransport;
    try {
      transport = options.transportFor(job.target);
    } catch (reason) {
      return finish('failed', toError(reason).message);
    }
    if (stmt.markSent.run(iso(), job.id).changes !== 1) return mustGet(job.id);
    const sent = emit(mustGet(job.id));
    const row: unknown = stmt.payload.get(job.id);
    const payload = z.object({ payload: z.instanceof(Uint8Array) }).parse(row).payload;
    try {
      await transport.send(payload);
      return finish('done', null);
    } catch (reason) {
      const error = toError(reason);
      if (error instanceof PrintError && !error.mayHavePrinted) {
        if (sent.attempts >= maxAttempts) return finish('failed', error.message);
        const delay = backoffDelay(sent.attempts - 1, backoff, random);
        return finish('queued', error.message, now() + delay);
      }
      // The bytes may be on the label already: only the operator can tell.
      return finish('uncertain', error.message);
    }
  }

  async function pass(): Promise<PrintJob[]> {
    const touched: PrintJob[] = [];
    const seenTargets = new Set<string>();
    for (const row of stmt.queued.all()) {
      const job = toJob(row);
      // One job at a time per printer, oldest first, so labels come out in the order they were asked for.
      if (seenTargets.has(job.target)) continue;
      seenTargets.add(job.target);
      if (job.nextAttemptAt > now()) continue;
      touched.push(await attempt(job));
    }
    return touched;
  }

  function runPass(): Promise<PrintJob[]> {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    payload(id) {
      const row: unknown = stmt.payload.get(id);
      return row === undefined ? undefined : z.object({ payload: z.instanceof(Uint8Array) }).parse(row).payload;
    },
    enqueue(request) {
      const { key, target, payload, description } = EnqueueRequest.parse(request);
      const existing = stmt.originalByKey.get(key);
      if (existing !== undefined) return { job: toJob(existing), created: false };
      let job: PrintJob;
      try {
        job = insert({ key, reprintOf: null, reason: null, target, description: description ?? '', payload: payloadBuffer(payload) });
      } catch (error) {
        // Another queue on the same database enqueued this key in between.
        const raced = stmt.originalByKey.get(key);
        if (raced !== undefined) return { job: toJob(raced), created: false };
        throw error;
      }
      kick();
      return { job, created: true };
    },
    reprint(key, reason, extra = {}) {
      const why = Reason.parse(reason);
      const originalRow = stmt.originalByKey.get(key);
      if (originalRow === undefined) throw new PrintQueueError(`nothing was printed with key ${key}; enqueue it first`);
      const original = toJob(originalRow);
      const payload =
        extra.payload !== undefined
          ? payloadBuffer(extra.payload)
          : z.object({ payload: z.instanceof(Uint8Array) }).parse(stmt.payload.get(original.id)).payload;
      const job = insert({
        key,
        reprintOf: original.id,
        reason: why,
        target: extra.target ?? original.target,
        description: original.description,
        payload: Buffer.from(payload),
      });
      kick();
      return job;
    },
    resolve(id, resolution) {
      const decision = Resolution.parse(resolution);
      const job = mustGet(id);
      if (job.state !== 'uncertain' && job.state !== 'failed') {
        throw new PrintQueueError(`print job ${id} is ${job.state}; only uncertain or failed jobs wait for a decision`);
      }
      const reprint = decision.action === 'reprint';
      const changed = stmt.resolve.run({
        id,
        from: job.state,
        state: reprint ? 'queued' : 'done',
        resolution: `${decision.action}: ${decision.reason}`,
        attempts: reprint ? 0 : job.attempts,
        next: reprint ? now() : job.nextAttemptAt,
        iso: iso(),
      }).changes;
      if (changed !== 1) throw new PrintQueueError(`print job ${id} changed while deciding; look again`);
      const updated = emit(mustGet(id));
      if (reprint) kick();
      return updated;
    },
    processDue: runPass,
    recover() {
      const ids = z.array(z.object({ id: z.string() })).parse(stmt.recover.all(iso()));
      for (const { id } of ids) emit(mustGet(id));
      return ids.length;
    },
    get,
    list(filter = {}) {
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (filter.states && filter.states.length > 0) {
        where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
        params.push(...filter.states);
      }
      if (filter.key !== undefined) {
        where.push('idempotency_key = ?');
        params.push(filter.key);
      }
      const sql = `SELECT ${JOB_COLUMNS} FROM print_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
      return db
        .prepare(sql)
        .all(...params, filter.limit ?? 100)
        .map(toJob);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(intervalMs = 1_000) {
      if (timer !== undefined) return;
      timer = setInterval(background, intervalMs);
      background();
    },
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
