/** The count tables of the station cache: the ERP's tasks, the counts and what each round found. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type CountLine, type CountScope, CountTask } from '../../../shared/domain/counts';

export type CountRowStatus = 'location' | 'counting' | 'recount' | 'approval' | 'posted' | 'cancelled';

export interface CountRow {
  id: string;
  taskId: string | null;
  scope: CountScope;
  location: string;
  itemId: string | null;
  lpn: string | null;
  blind: boolean;
  startedAt: string;
  snapshot: CountLine[];
  status: CountRowStatus;
  round: number;
  countedBy: string;
  recountedBy: string | null;
  approvedBy: string | null;
}

interface CountDbRow {
  id: string;
  task_id: string | null;
  scope: CountScope;
  location: string;
  item_id: string | null;
  lpn: string | null;
  blind: number;
  started_at: string;
  snapshot: string;
  status: CountRowStatus;
  round: number;
  counted_by: string;
  recounted_by: string | null;
  approved_by: string | null;
}

interface TaskDbRow {
  id: string;
  scope: CountScope;
  location: string;
  item_id: string | null;
  lpn: string | null;
  blind: number | null;
  expected: string;
  status: string;
  created_at: string;
}

const Lines = z.array(z.object({ itemId: z.string(), lot: z.string().nullable(), qty: z.number().int().nonnegative() }));

const toCount = (r: CountDbRow): CountRow => ({
  id: r.id,
  taskId: r.task_id,
  scope: r.scope,
  location: r.location,
  itemId: r.item_id,
  lpn: r.lpn,
  blind: r.blind === 1,
  startedAt: r.started_at,
  snapshot: Lines.parse(JSON.parse(r.snapshot)),
  status: r.status,
  round: r.round,
  countedBy: r.counted_by,
  recountedBy: r.recounted_by,
  approvedBy: r.approved_by,
});

const toTask = (r: TaskDbRow): CountTask =>
  CountTask.parse({
    id: r.id,
    scope: r.scope,
    location: r.location,
    itemId: r.item_id,
    lpn: r.lpn,
    blind: r.blind === null ? null : r.blind === 1,
    expected: JSON.parse(r.expected),
    status: r.status,
    createdAt: r.created_at,
  });

export interface ItemFacts {
  id: string;
  sku: string;
  description: string;
  unitWeightG: number;
}

export function createCountsRepo(db: Database) {
  const s = {
    openTasks: db.prepare("SELECT * FROM count_tasks WHERE status = 'open' ORDER BY created_at, id LIMIT 500"),
    task: db.prepare('SELECT * FROM count_tasks WHERE id = ?'),
    latestTaskAt: db.prepare("SELECT * FROM count_tasks WHERE location = ? AND scope = 'location' ORDER BY created_at DESC LIMIT 1"),
    open: db.prepare("SELECT * FROM counts WHERE status IN ('location','counting','recount','approval') LIMIT 1"),
    insert: db.prepare(`INSERT INTO counts (id, task_id, scope, location, item_id, lpn, blind, started_at, snapshot, status, counted_by)
      VALUES (@id, @taskId, @scope, @location, @itemId, @lpn, @blind, @startedAt, @snapshot, @status, @countedBy)`),
    status: db.prepare('UPDATE counts SET status = ? WHERE id = ?'),
    confirm: db.prepare("UPDATE counts SET status = 'counting', started_at = ? WHERE id = ? AND status = 'location'"),
    recount: db.prepare("UPDATE counts SET status = 'counting', round = 2, recounted_by = ? WHERE id = ? AND status = 'recount'"),
    finish: db.prepare('UPDATE counts SET status = ?, approved_by = ?, op_id = ?, finished_at = ? WHERE id = ?'),
    taskDone: db.prepare("UPDATE count_tasks SET status = 'done' WHERE id = ?"),
    scan: db.prepare('INSERT INTO count_scans (count_id, round, item_id, lot, qty, source, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    found: db.prepare(
      'SELECT item_id AS itemId, lot, sum(qty) AS qty FROM count_scans WHERE count_id = ? AND round = ? GROUP BY item_id, lot ORDER BY min(seq)',
    ),
    location: db.prepare('SELECT code FROM locations WHERE code = ?').pluck(),
    item: db.prepare('SELECT id, sku, description, unit_weight_g AS unitWeightG FROM items WHERE id = ?'),
    barcode: db.prepare('SELECT item_id AS itemId, pack_qty AS packQty FROM item_barcodes WHERE code = ?'),
    operatorName: db.prepare('SELECT name FROM operators WHERE id = ?').pluck(),
    lpn: db.prepare('SELECT lpn FROM receiving_lpns WHERE lpn = ? OR sscc = ? LIMIT 1').pluck(),
    lpnContents: db.prepare(`SELECT item_id AS itemId, lot, sum(qty) AS qty FROM receipt_lines
      WHERE lpn = ? AND undone_at IS NULL GROUP BY item_id, lot HAVING sum(qty) > 0 ORDER BY min(id)`),
  };
  return {
    openTasks: (): CountTask[] => (s.openTasks.all() as TaskDbRow[]).map(toTask),
    task: (id: string): CountTask | undefined => {
      const row = s.task.get(id) as TaskDbRow | undefined;
      return row && toTask(row);
    },
    /** The newest location task of a place: the on-hand the cache knows for it. */
    latestLocationTask: (location: string): CountTask | undefined => {
      const row = s.latestTaskAt.get(location) as TaskDbRow | undefined;
      return row && toTask(row);
    },
    openCount: (): CountRow | undefined => {
      const row = s.open.get() as CountDbRow | undefined;
      return row && toCount(row);
    },
    insertCount(c: Omit<CountRow, 'round' | 'recountedBy' | 'approvedBy'>): void {
      s.insert.run({ ...c, blind: c.blind ? 1 : 0, snapshot: JSON.stringify(c.snapshot) });
    },
    setStatus: (id: string, status: CountRowStatus) => s.status.run(status, id).changes === 1,
    confirmLocation: (id: string, at: string) => s.confirm.run(at, id).changes === 1,
    startRecount: (id: string, operatorId: string) => s.recount.run(operatorId, id).changes === 1,
    finish(
      id: string,
      status: 'posted' | 'cancelled',
      approvedBy: string | null,
      opId: string | null,
      at: string,
      taskId: string | null,
    ): void {
      s.finish.run(status, approvedBy, opId, at, id);
      if (status === 'posted' && taskId) s.taskDone.run(taskId);
    },
    addScan(countId: string, round: number, itemId: string, lot: string | null, qty: number, source: 'scan' | 'weight', at: string): void {
      s.scan.run(countId, round, itemId, lot, qty, source, at);
    },
    found: (countId: string, round: number): CountLine[] => s.found.all(countId, round) as CountLine[],
    /** What the station put on one of its license plates (found by LPN or SSCC); undefined for a plate it does not know. */
    lpnContents(code: string): { lpn: string; lines: CountLine[] } | undefined {
      const lpn = s.lpn.get(code, code) as string | undefined;
      return lpn === undefined ? undefined : { lpn, lines: s.lpnContents.all(lpn) as CountLine[] };
    },
    operatorName: (id: string): string | undefined => s.operatorName.get(id) as string | undefined,
    locationExists: (code: string): boolean => s.location.get(code) !== undefined,
    item: (id: string): ItemFacts | undefined => s.item.get(id) as ItemFacts | undefined,
    barcode: (code: string): { itemId: string; packQty: number } | undefined =>
      s.barcode.get(code) as { itemId: string; packQty: number } | undefined,
  };
}

export type CountsRepo = ReturnType<typeof createCountsRepo>;
