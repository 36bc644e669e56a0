import type { Database } from 'better-sqlite3';
import { makeSscc } from '../../../shared/scan/check-digit';
import { createNumberLeases } from './number-leases';

/**
 * The next SSCC of this station: extension digit + GS1 company prefix + a serial reference. An enrolled station takes
 * the serial reference from the blocks the server leased it (unique across the site's stations); a station without
 * a server counts its own in `meta` (one counter per prefix and extension digit). Run it inside the transaction that
 * uses the SSCC, so a rolled-back change gives its number back.
 */
export function nextSscc(db: Database, companyPrefix: string, extensionDigit: number): string {
  const leases = createNumberLeases(db);
  if (leases.leased()) return makeSscc(extensionDigit, companyPrefix, leases.take('sscc'));
  const key = `sscc_serial_ref:${extensionDigit}:${companyPrefix}`;
  const row = db
    .prepare(
      "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value",
    )
    .get(key) as { value: string };
  return makeSscc(extensionDigit, companyPrefix, Number(row.value));
}
