/**
 * What the SSCC label of a received pallet says it holds, by the GS1 logistic label rules. Pure: the receiving
 * workflow reads the pallet's lines, this decides.
 */

/** The units of one receipt line on the pallet and the trade item level they were received at. */
export interface PalletLine {
  itemId: string;
  /** Units (base items). */
  qty: number;
  /** GTIN-14 of the trade item scanned (a case, an inner pack, a unit); null when none is known. */
  gtin: string | null;
  /** Units in one of that trade item. */
  packQty: number;
}

/**
 * AI (02) with AI (37): the highest-level trade item the pallet holds and how many of it. A pallet of cases carries
 * the case GTIN and the number of cases; a pallet of units the unit GTIN and the units. A mixed pallet (more than one
 * item, or one item at more than one level, or loose units beside whole cases) carries no (02).
 */
export function palletContent(lines: readonly PalletLine[]): { gtin: string; count: number } | null {
  const [first] = lines;
  if (!first?.gtin || first.packQty < 1) return null;
  if (lines.some((l) => l.itemId !== first.itemId || l.gtin !== first.gtin || l.packQty !== first.packQty)) return null;
  const units = lines.reduce((sum, l) => sum + l.qty, 0);
  if (units < first.packQty || units % first.packQty !== 0) return null;
  return { gtin: first.gtin, count: units / first.packQty };
}
