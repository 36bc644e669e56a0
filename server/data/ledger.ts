import type { Insertable, Kysely, RawBuilder } from 'kysely';
import { type BulkColumns, bulkInsert } from '../db/bulk';
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

const LEDGER_COLUMNS: BulkColumns<Insertable<InventoryLedgerTable>> = [
  { name: 'site_id', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'item_id', type: 'text' },
  { name: 'lot', type: 'text' },
  { name: 'serial', type: 'text' },
  { name: 'location', type: 'text' },
  { name: 'lpn', type: 'text' },
  { name: 'qty', type: 'int4' },
  { name: 'held', type: 'bool' },
  { name: 'operator_id', type: 'text' },
  { name: 'station_id', type: 'uuid' },
  { name: 'op_id', type: 'uuid' },
  { name: 'ref', type: 'text' },
  { name: 'at', type: 'timestamptz' },
];

/** The INSERT of ledger entries as one statement (see `bulkInsert`), to run alone or inside a larger one. */
export function ledgerInsert(siteId: string, entries: LedgerEntry[]): RawBuilder<unknown> {
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
  return bulkInsert('inventory_ledger', LEDGER_COLUMNS, rows);
}

export async function appendLedger(trx: Kysely<ServerDatabase>, siteId: string, entries: LedgerEntry[]): Promise<void> {
  if (entries.length > 0) await ledgerInsert(siteId, entries).execute(trx);
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
