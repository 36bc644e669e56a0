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
