import type { Database } from 'better-sqlite3';
import { makeSscc } from '../../../shared/scan/check-digit';
import { createNumberLeases } from './number-leases';

function nextLocalCounter(db: Database, key: string): number {
  const row = db
    .prepare(
      "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value",
    )
    .get(key) as { value: string };
  return Number(row.value);
}

/**
 * The next SSCC of this station: extension digit + GS1 company prefix + a serial reference. An enrolled station takes
 * the serial reference from the blocks the server leased it (unique across the site's stations); a station without
 * a server counts its own in `meta` (one counter per prefix and extension digit). Run it inside the transaction that
 * uses the SSCC, so a rolled-back change gives its number back.
 */
export function nextSscc(db: Database, companyPrefix: string, extensionDigit: number): string {
  const leases = createNumberLeases(db);
  if (leases.leased()) return makeSscc(extensionDigit, companyPrefix, leases.take('sscc'));
  return makeSscc(extensionDigit, companyPrefix, nextLocalCounter(db, `sscc_serial_ref:${extensionDigit}:${companyPrefix}`));
}

/** A license plate or manifest number: leased ones are unique across the site, local ones only with the station's code. */
export type StationNumber = { source: 'leased'; value: number } | { source: 'local'; value: number };

/**
 * The next LPN or manifest number of this station: from the server's leases once it has any (like SSCCs), else the
 * station's own count (`local`), which the caller qualifies with the station's code. Run it inside the transaction
 * that uses the number.
 */
export function nextStationNumber(db: Database, kind: 'lpn' | 'manifest', local: () => number): StationNumber {
  const leases = createNumberLeases(db);
  if (leases.leased()) return { source: 'leased', value: leases.take(kind) };
  return { source: 'local', value: local() };
}
