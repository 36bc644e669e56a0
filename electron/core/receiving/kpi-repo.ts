import type { Database } from 'better-sqlite3';

/** What the receiving KPIs read: received lines, closed receipts' discrepancies, and licence plates put away. */
export function createReceivingKpiRepo(db: Database) {
  const s = {
    lines: db.prepare<[string, string | null, string | null], { lines: number; units: number; weighed: number; damaged: number }>(
      `SELECT count(*) AS lines, coalesce(sum(qty), 0) AS units, coalesce(sum(source = 'weight'), 0) AS weighed,
         coalesce(sum(condition = 'damaged'), 0) AS damaged
       FROM receipt_lines WHERE undone_at IS NULL AND at >= ? AND (? IS NULL OR operator_id = ?)`,
    ),
    closeKinds: db.prepare<[string, string | null, string | null], { kind: string; n: number }>(
      `SELECT json_extract(l.value, '$.kind') AS kind, count(*) AS n FROM receipts r, json_each(r.summary) l
       WHERE r.status = 'closed' AND r.closed_at >= ? AND (? IS NULL OR r.closed_by = ?) GROUP BY 1`,
    ),
    // Dock to stock: from the first scan onto a licence plate to its putaway.
    putaways: db.prepare<[string, string | null, string | null], { put_away_at: string; first_at: string }>(
      `SELECT p.put_away_at AS put_away_at, min(l.at) AS first_at FROM receiving_lpns p JOIN receipt_lines l ON l.lpn = p.lpn
       WHERE p.put_away_at IS NOT NULL AND p.put_away_at >= ? AND (? IS NULL OR p.put_away_by = ?) GROUP BY p.lpn`,
    ),
  };
  return {
    lines: (from: string, operatorId: string | null) =>
      s.lines.get(from, operatorId, operatorId) ?? { lines: 0, units: 0, weighed: 0, damaged: 0 },
    closeKinds: (from: string, operatorId: string | null) => s.closeKinds.all(from, operatorId, operatorId),
    putaways: (from: string, operatorId: string | null) => s.putaways.all(from, operatorId, operatorId),
  };
}

export type ReceivingKpiRepo = ReturnType<typeof createReceivingKpiRepo>;
