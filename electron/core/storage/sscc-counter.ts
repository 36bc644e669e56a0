import type { Database } from 'better-sqlite3';
import { makeSscc } from '../../../shared/scan/check-digit';

/**
 * The next SSCC of this station: extension digit + GS1 company prefix + the next serial reference from a
 * counter in `meta` (one counter per prefix and extension digit). Run it inside the transaction that uses
 * the SSCC, so a rolled-back change gives its number back.
 */
export function nextSscc(db: Database, companyPrefix: string, extensionDigit: number): string {
  const key = `sscc_serial_ref:${extensionDigit}:${companyPrefix}`;
  const row = db
    .prepare(
      "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value",
    )
    .get(key) as { value: string };
  return makeSscc(extensionDigit, companyPrefix, Number(row.value));
}
