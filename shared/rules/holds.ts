/** What a quality hold covers. Pure: the central server judges receipts, packing and hold release with it. */
import type { Hold } from '../domain/master-data';

export type HoldScope = Pick<Hold, 'kind' | 'itemId' | 'lot'> & { location?: Hold['location'] };

export interface Stock {
  itemId: string;
  lot: string | null;
  /** Where the stock is; stock without a place (an inbound receipt line) is covered by no location hold. */
  location?: string | null;
}

/**
 * Whether a hold covers some stock: an item hold every lot of its item; a lot hold that lot of its item, or of
 * every item when it names none; a location hold everything at that location.
 */
export function holdCovers(hold: HoldScope, stock: Stock): boolean {
  switch (hold.kind) {
    case 'item':
      return hold.itemId === stock.itemId;
    case 'lot':
      return stock.lot !== null && hold.lot === stock.lot && (hold.itemId === null || hold.itemId === stock.itemId);
    case 'location':
      return stock.location != null && hold.location != null && hold.location === stock.location;
  }
}
