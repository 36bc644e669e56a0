import type { Database } from 'better-sqlite3';

export interface JournalEntry {
  seq: number;
  at: string;
  stationId: string;
  operatorId: string | null;
  kind: string;
  payload: unknown;
}

interface JournalRow {
  seq: number;
  at: string;
  station_id: string;
  operator_id: string | null;
  kind: string;
  payload: string;
}

/** The append-only event journal: every action at the station, who did it and when. */
export function createJournal(db: Database, stationId: () => string) {
  const insert = db.prepare('INSERT INTO journal (at, station_id, operator_id, kind, payload) VALUES (?, ?, ?, ?, ?)');
  const recent = db.prepare('SELECT * FROM journal ORDER BY seq DESC LIMIT ?');
  return {
    append(kind: string, payload: unknown, operatorId: string | null, at: string): number {
      return Number(insert.run(at, stationId(), operatorId, kind, JSON.stringify(payload)).lastInsertRowid);
    },
    recent(limit = 100): JournalEntry[] {
      return (recent.all(limit) as JournalRow[]).map((r) => ({
        seq: r.seq,
        at: r.at,
        stationId: r.station_id,
        operatorId: r.operator_id,
        kind: r.kind,
        payload: JSON.parse(r.payload) as unknown,
      }));
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;

/**
 * A probe over the journal: work (a receipt, a carton) is open when, for some id, the newest of its journal
 * entries is one of `opens` rather than one of `closes`. `idField` names the payload field holding the id.
 */
export function openWorkInJournal(
  db: Database,
  spec: { what: string; opens: readonly string[]; closes: readonly string[]; idField: string },
): () => string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(spec.idField)) throw new Error(`idField must be a plain field name, got "${spec.idField}"`);
  const kinds = [...spec.opens, ...spec.closes];
  const marks = kinds.map(() => '?').join(', ');
  const openMarks = spec.opens.map(() => '?').join(', ');
  const path = `$.${spec.idField}`;
  const statement = db.prepare(
    `SELECT json_extract(j.payload, '${path}') AS ref
       FROM journal j
       JOIN (SELECT max(seq) AS seq FROM journal WHERE kind IN (${marks}) GROUP BY json_extract(payload, '${path}')) newest ON newest.seq = j.seq
      WHERE j.kind IN (${openMarks})
      ORDER BY j.seq DESC
      LIMIT 1`,
  );
  return () => {
    const row = statement.get(...kinds, ...spec.opens) as { ref: unknown } | undefined;
    return row ? `${spec.what} ${String(row.ref)} is open` : null;
  };
}
