import type { Database } from 'better-sqlite3';
import type { ReturnCondition, ReturnDisposition, Rma } from '../../../shared/domain/returns';

export interface RmaRow {
  id: string;
  number: string;
  order_id: string;
  customer: string;
  status: string;
  doc: string;
}

export interface ReturnRow {
  id: string;
  rma_id: string;
  status: 'open' | 'closed';
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface ReturnUnitRow {
  id: string;
  return_id: string;
  seq: number;
  item_id: string;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  qty: number;
  condition: ReturnCondition | null;
  disposition: ReturnDisposition | null;
  location: string | null;
  held: number;
  on_rma: number;
  approved_by: string | null;
  at: string;
  operator_id: string;
}

export interface ItemFacts {
  id: string;
  sku: string;
  description: string;
  serial_tracked: number;
  home_location: string | null;
}

export interface HoldFacts {
  kind: 'item' | 'lot' | 'location';
  item_id: string | null;
  lot: string | null;
  recall: number;
}

export type NewReturnUnit = Omit<ReturnUnitRow, 'seq' | 'condition' | 'disposition' | 'location' | 'held' | 'approved_by'>;

/** The returns tables of the station cache (RMAs are written by the sync pull, see storage/master-data.ts). */
export function createReturnsRepo(db: Database) {
  const stmts = {
    rmaByCode: db.prepare<[string], RmaRow>(
      "SELECT r.* FROM rma_codes c JOIN rmas r ON r.id = c.rma_id WHERE c.code = ? ORDER BY r.status = 'open' DESC, r.id LIMIT 1",
    ),
    rma: db.prepare<[string], RmaRow>('SELECT * FROM rmas WHERE id = ?'),
    rmasOfCustomer: db.prepare<[string], RmaRow>(
      "SELECT * FROM rmas WHERE status = 'open' AND customer LIKE ? ESCAPE '\\' COLLATE NOCASE ORDER BY number LIMIT 50",
    ),
    item: db.prepare<[string], ItemFacts>('SELECT id, sku, description, serial_tracked, home_location FROM items WHERE id = ?'),
    barcode: db.prepare<[string], { item_id: string; pack_qty: number }>('SELECT item_id, pack_qty FROM item_barcodes WHERE code = ?'),
    holdsOfItem: db.prepare<[string], HoldFacts>(
      "SELECT kind, item_id, lot, recall FROM holds WHERE active = 1 AND kind IN ('item','lot') AND (item_id = ? OR item_id IS NULL)",
    ),
    openReturn: db.prepare<[], ReturnRow>("SELECT * FROM returns WHERE status = 'open' ORDER BY opened_at LIMIT 1"),
    insertReturn: db.prepare('INSERT INTO returns (id, rma_id, opened_at, opened_by) VALUES (?, ?, ?, ?)'),
    // Until the next pull says so, the cached RMA is marked received here: it cannot be received twice at this station.
    rmaReceived: db.prepare("UPDATE rmas SET status = 'received', doc = json_set(doc, '$.status', 'received') WHERE id = ?"),
    closeReturn: db.prepare("UPDATE returns SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ?"),
    units: db.prepare<[string], ReturnUnitRow>('SELECT * FROM return_units WHERE return_id = ? ORDER BY seq'),
    unit: db.prepare<[string, string], ReturnUnitRow>('SELECT * FROM return_units WHERE return_id = ? AND id = ?'),
    nextSeq: db.prepare<[string], { n: number }>('SELECT coalesce(max(seq), 0) + 1 AS n FROM return_units WHERE return_id = ?'),
    insertUnit: db.prepare(`INSERT INTO return_units (id, return_id, seq, item_id, lot, expiry, serial, qty, on_rma, at, operator_id)
      VALUES (@id, @return_id, @seq, @item_id, @lot, @expiry, @serial, @qty, @on_rma, @at, @operator_id)`),
    setCondition: db.prepare('UPDATE return_units SET condition = ?, disposition = NULL, location = NULL, held = 0 WHERE id = ?'),
    setDisposition: db.prepare('UPDATE return_units SET disposition = ?, location = ?, held = ? WHERE id = ?'),
    approveUnits: db.prepare('UPDATE return_units SET approved_by = ? WHERE return_id = ? AND on_rma = 0 AND approved_by IS NULL'),
    removeUnit: db.prepare('DELETE FROM return_units WHERE id = ?'),
    closedUnitsSince: db.prepare<
      [string, string | null, string | null],
      { disposition: ReturnDisposition; units: number; returns: number }
    >(
      `SELECT u.disposition AS disposition, sum(u.qty) AS units, count(DISTINCT r.id) AS returns
       FROM returns r JOIN return_units u ON u.return_id = r.id
       WHERE r.status = 'closed' AND r.closed_at >= ? AND (? IS NULL OR r.closed_by = ?) GROUP BY u.disposition`,
    ),
    closedReturnsSince: db.prepare<[string, string | null, string | null], { n: number }>(
      "SELECT count(*) AS n FROM returns WHERE status = 'closed' AND closed_at >= ? AND (? IS NULL OR closed_by = ?)",
    ),
  };
  return {
    rmaByCode: (code: string): RmaRow | undefined => stmts.rmaByCode.get(code),
    rma: (id: string): RmaRow | undefined => stmts.rma.get(id),
    rmasOfCustomer: (part: string): RmaRow[] => stmts.rmasOfCustomer.all(`%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    parseRma: (row: RmaRow): Rma => JSON.parse(row.doc) as Rma,
    item: (id: string): ItemFacts | undefined => stmts.item.get(id),
    barcode: (code: string) => stmts.barcode.get(code),
    holdsOfItem: (itemId: string): HoldFacts[] => stmts.holdsOfItem.all(itemId),
    openReturn: (): ReturnRow | undefined => stmts.openReturn.get(),
    insertReturn: (id: string, rmaId: string, at: string, by: string) => void stmts.insertReturn.run(id, rmaId, at, by),
    closeReturn: (id: string, at: string, by: string) => void stmts.closeReturn.run(at, by, id),
    rmaReceived: (rmaId: string) => void stmts.rmaReceived.run(rmaId),
    units: (returnId: string): ReturnUnitRow[] => stmts.units.all(returnId),
    unit: (returnId: string, unitId: string): ReturnUnitRow | undefined => stmts.unit.get(returnId, unitId),
    insertUnit: (unit: NewReturnUnit): void => {
      const seq = stmts.nextSeq.get(unit.return_id)?.n ?? 1;
      stmts.insertUnit.run({ ...unit, seq });
    },
    setCondition: (unitId: string, condition: ReturnCondition) => void stmts.setCondition.run(condition, unitId),
    setDisposition: (unitId: string, disposition: ReturnDisposition, location: string, held: boolean) =>
      void stmts.setDisposition.run(disposition, location, held ? 1 : 0, unitId),
    approveUnits: (returnId: string, supervisorId: string): number => stmts.approveUnits.run(supervisorId, returnId).changes,
    removeUnit: (unitId: string) => void stmts.removeUnit.run(unitId),
    /** Units of returns closed since `from` by disposition (of one operator, or of everyone when null). */
    closedUnitsSince: (from: string, operatorId: string | null) => stmts.closedUnitsSince.all(from, operatorId, operatorId),
    closedReturnsSince: (from: string, operatorId: string | null): number =>
      stmts.closedReturnsSince.get(from, operatorId, operatorId)?.n ?? 0,
  };
}

export type ReturnsRepo = ReturnType<typeof createReturnsRepo>;
