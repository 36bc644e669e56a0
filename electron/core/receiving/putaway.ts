/**
 * Putaway suggestions for a license plate: pure, ranked and explained. Every candidate location gets a score
 * from the rules that apply to it and the reasons behind the score; locations that may not take the goods are
 * listed apart with why.
 */
import type { ItemClass, LocationStatus } from '../../../shared/domain/master-data';
import { QUARANTINE_ZONE } from '../../../shared/domain/receiving';

export { QUARANTINE_ZONE };

/** Zone each item class belongs in; held goods go to quarantine. */
export const zoneForClass: Record<ItemClass, string> = {
  hazmat: 'H',
  cold: 'C',
  bulky: 'B',
  general: 'A',
  'fast-mover': 'A',
  'high-value': 'A',
};

export interface PutawayLocation {
  code: string;
  zone: string;
  itemClasses: readonly ItemClass[];
  status: LocationStatus;
  /** An active hold on the location (holds table, kind location). */
  held: boolean;
  /** 0 = unlimited. */
  capacityUnits: number;
  pickSequence: number;
  /** Stock put there (as far as this station knows). */
  stock: readonly { itemId: string; lot: string | null; qty: number }[];
}

export interface PutawayGoods {
  itemId: string;
  itemClass: ItemClass;
  homeLocation: string | null;
  lot: string | null;
  qty: number;
  onHold: boolean;
}

export interface PutawaySuggestion {
  location: string;
  zone: string;
  score: number;
  reasons: string[];
}

export interface PutawayExclusion {
  location: string;
  reason: string;
}

export interface PutawayPlan {
  suggestions: PutawaySuggestion[];
  excluded: PutawayExclusion[];
}

const SCORE = { home: 100, sameLot: 80, sameItem: 50, zone: 30, quarantine: 120, emptier: 10 } as const;

const used = (loc: PutawayLocation) => loc.stock.reduce((s, x) => s + x.qty, 0);

function exclusion(loc: PutawayLocation, goods: readonly PutawayGoods[], qty: number): string | null {
  if (loc.status === 'blocked') return 'location is blocked';
  if (loc.status === 'hold') return 'location is on hold';
  if (loc.held) return 'location has an active hold';
  const foreign = goods.find((g) => !loc.itemClasses.includes(g.itemClass));
  if (foreign) return `does not take ${foreign.itemClass} goods`;
  if (loc.capacityUnits > 0 && used(loc) + qty > loc.capacityUnits) return `no room: ${loc.capacityUnits - used(loc)} of ${qty} units fit`;
  return null;
}

/**
 * Ranks the locations for the LPN's goods (its main item is the one with the most units): the item's home
 * location, a location already holding the same item and lot, then the same item, then the zone of its class,
 * preferring emptier locations and pick sequence last. Goods on hold go to quarantine only.
 */
export function suggestPutaway(goods: readonly PutawayGoods[], locations: readonly PutawayLocation[], limit = 5): PutawayPlan {
  const main = [...goods].sort((a, b) => b.qty - a.qty)[0];
  if (!main) return { suggestions: [], excluded: [] };
  const qty = goods.reduce((s, g) => s + g.qty, 0);
  const onHold = goods.some((g) => g.onHold);
  const classZone = zoneForClass[main.itemClass];
  const excluded: PutawayExclusion[] = [];
  const scored: (PutawaySuggestion & { seq: number })[] = [];

  for (const loc of locations) {
    const why = exclusion(loc, goods, qty);
    if (why) {
      excluded.push({ location: loc.code, reason: why });
      continue;
    }
    if (onHold !== (loc.zone === QUARANTINE_ZONE)) {
      if (onHold) excluded.push({ location: loc.code, reason: 'goods on hold go to quarantine' });
      continue;
    }
    let score = 0;
    const reasons: string[] = [];
    if (onHold) {
      score += SCORE.quarantine;
      reasons.push('goods on hold: quarantine zone');
    }
    if (main.homeLocation === loc.code) {
      score += SCORE.home;
      reasons.push(`home location of ${main.itemId}`);
    }
    const sameItem = loc.stock.filter((s) => s.itemId === main.itemId && s.qty > 0);
    if (main.lot !== null && sameItem.some((s) => s.lot === main.lot)) {
      score += SCORE.sameLot;
      reasons.push(`holds ${main.itemId} lot ${main.lot}`);
    } else if (sameItem.length > 0) {
      score += SCORE.sameItem;
      reasons.push(`holds ${main.itemId}`);
    }
    if (loc.zone === classZone) {
      score += SCORE.zone;
      reasons.push(`zone ${classZone} for ${main.itemClass} goods`);
    }
    if (loc.capacityUnits > 0) {
      const free = 1 - (used(loc) + qty) / loc.capacityUnits;
      score += Math.round(SCORE.emptier * free);
      reasons.push(`${loc.capacityUnits - used(loc) - qty} units of room left after`);
    } else {
      score += SCORE.emptier;
      reasons.push('no capacity limit');
    }
    scored.push({ location: loc.code, zone: loc.zone, score, reasons, seq: loc.pickSequence });
  }

  scored.sort((a, b) => b.score - a.score || a.seq - b.seq || a.location.localeCompare(b.location));
  excluded.sort((a, b) => a.location.localeCompare(b.location));
  return { suggestions: scored.slice(0, limit).map(({ seq: _seq, ...s }) => s), excluded };
}
