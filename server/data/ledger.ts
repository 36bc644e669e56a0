import type { Insertable, Kysely } from 'kysely';
import type { InventoryLedgerTable, LedgerKind, ServerDatabase } from '../db/schema';

/** Where stock sits when a station's op names no storage location. */
export const RECEIVING_DOCK = 'DOCK';
export const PICK_FACE = 'PICK';
export const PACK_BENCH = 'PACK';

export interface LedgerEntry {
  kind: LedgerKind;
  itemId: string;
  lot: string | null;
  serial?: string | null;
  location: string;
  lpn: string | null;
  qty: number;
  held?: boolean;
  operatorId: string | null;
  stationId: string | null;
  opId: string | null;
  ref: string | null;
  at: string | Date;
}

export async function appendLedger(trx: Kysely<ServerDatabase>, siteId: string, entries: LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows: Insertable<InventoryLedgerTable>[] = entries.map((e) => ({
    site_id: siteId,
    kind: e.kind,
    item_id: e.itemId,
    lot: e.lot,
    serial: e.serial ?? null,
    location: e.location,
    lpn: e.lpn,
    qty: e.qty,
    held: e.held ?? false,
    operator_id: e.operatorId,
    station_id: e.stationId,
    op_id: e.opId,
    ref: e.ref,
    at: e.at,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto('inventory_ledger')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** A pair of entries moving stock from one place/status to another (the ledger only ever appends). */
export function move(
  base: Omit<LedgerEntry, 'location' | 'lpn' | 'qty' | 'held'>,
  qty: number,
  from: { location: string; lpn: string | null; held: boolean },
  to: { location: string; lpn: string | null; held: boolean },
): LedgerEntry[] {
  return [
    { ...base, qty: -qty, location: from.location, lpn: from.lpn, held: from.held },
    { ...base, qty, location: to.location, lpn: to.lpn, held: to.held },
  ];
}
