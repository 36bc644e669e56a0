import type { Database } from 'better-sqlite3';
import type { BusyState } from '../../../shared/contract/setup';

/** Answers why the station is busy (e.g. "carton C-12 is open"), or null when this part of it is idle. */
export type BusyProbe = () => string | null;

/**
 * Open work at the station, asked before anything disruptive (installing an update, restarting the core).
 * Workflow modules register a probe each; a probe that fails counts as busy, so nothing is ever installed mid-pack by accident.
 */
export interface BusyProbes {
  register(name: string, probe: BusyProbe): () => void;
  check(): BusyState;
}

export function createBusyProbes(): BusyProbes {
  const probes = new Map<string, BusyProbe>();
  return {
    register(name, probe) {
      probes.set(name, probe);
      return () => {
        if (probes.get(name) === probe) probes.delete(name);
      };
    },
    check() {
      for (const [name, probe] of probes) {
        let reason: string | null;
        try {
          reason = probe();
        } catch (error) {
          reason = `${name} could not tell whether work is open (${error instanceof Error ? error.message : String(error)})`;
        }
        if (reason) return { busy: true, reason };
      }
      return { busy: false, reason: null };
    },
  };
}

/**
 * A probe over the journal: work (a receipt, a carton) is open when, for some id, the newest of its journal
 * entries is one of `opens` rather than one of `closes`. `idField` names the payload field holding the id.
 */
export function openWorkInJournal(db: Database, spec: { what: string; opens: readonly string[]; closes: readonly string[]; idField: string }): BusyProbe {
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
