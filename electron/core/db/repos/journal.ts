import type { Database } from 'better-sqlite3';

export interface JournalEntry {
  seq: number;
  at: string;
  stationId: string;
  operatorId: string | null;
  kind: string;
  payload: unknown;
}

interface JournalRow { seq: number; at: string; station_id: string; operator_id: string | null; kind: string; payload: string }

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
        seq: r.seq, at: r.at, stationId: r.station_id, operatorId: r.operator_id, kind: r.kind, payload: JSON.parse(r.payload) as unknown,
      }));
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
