/**
 * Where a returned unit may go: the site's disposition rules, judged the same way by the station (which offers only
 * what the rules leave) and the server (which refuses anything else). Pure.
 */
import type { ReturnCondition, ReturnDisposition } from '../domain/returns';

export interface ReturnedUnitFacts {
  condition: ReturnCondition;
  /** The unit's lot is past its expiry date on the day it comes back. */
  expired: boolean;
  /** A quality hold covers the unit's item or lot. */
  held: boolean;
  /** The unit's lot is recalled: it never goes back to stock, whatever its state. */
  recalled: boolean;
}

export const ALL_DISPOSITIONS: readonly ReturnDisposition[] = ['restock', 'refurbish', 'quarantine', 'scrap', 'returnToVendor'];

/** Why a disposition is forced or ruled out, for the screen's answer and the server's refusal. */
export type DispositionRule = 'expired' | 'held' | 'recalled' | 'damaged' | 'free';

export interface DispositionVerdict {
  /** What the rules leave the operator to choose from, most likely first. */
  allowed: ReturnDisposition[];
  /** The choice the station proposes. */
  suggested: ReturnDisposition;
  /** The rule that narrowed the choice, or `free`. */
  rule: DispositionRule;
}

/**
 * The site's rules: expired or held lots always go to quarantine; a recalled lot never restocks (quarantine,
 * scrap or back to the vendor); damaged, defective or incomplete units never restock; new and opened units may go
 * anywhere, restock first (opened: refurbish first).
 */
export function judgeDisposition(unit: ReturnedUnitFacts): DispositionVerdict {
  if (unit.expired) return { allowed: ['quarantine'], suggested: 'quarantine', rule: 'expired' };
  if (unit.held) return { allowed: ['quarantine'], suggested: 'quarantine', rule: 'held' };
  if (unit.recalled) return { allowed: ['quarantine', 'scrap', 'returnToVendor'], suggested: 'quarantine', rule: 'recalled' };
  switch (unit.condition) {
    case 'damaged':
    case 'defective':
      return {
        allowed: ['returnToVendor', 'refurbish', 'scrap', 'quarantine'],
        suggested: unit.condition === 'defective' ? 'returnToVendor' : 'scrap',
        rule: 'damaged',
      };
    case 'missingParts':
      return { allowed: ['refurbish', 'returnToVendor', 'scrap', 'quarantine'], suggested: 'refurbish', rule: 'damaged' };
    case 'opened':
      return { allowed: ['refurbish', 'restock', 'quarantine', 'scrap', 'returnToVendor'], suggested: 'refurbish', rule: 'free' };
    case 'new':
      return { allowed: [...ALL_DISPOSITIONS], suggested: 'restock', rule: 'free' };
  }
}

export const dispositionAllowed = (unit: ReturnedUnitFacts, disposition: ReturnDisposition): boolean =>
  judgeDisposition(unit).allowed.includes(disposition);

/** Stock of these dispositions is on hold where it lands: it must not be picked. */
export const dispositionHolds = (disposition: ReturnDisposition): boolean => disposition !== 'restock';

/** The site's locations returned stock lands in, by disposition (restock goes to the item's home, or this). */
export const RETURN_LOCATIONS: Record<ReturnDisposition, string> = {
  restock: 'RETURNS-RESTOCK',
  refurbish: 'RETURNS-REFURB',
  quarantine: 'RETURNS-QUARANTINE',
  scrap: 'RETURNS-SCRAP',
  returnToVendor: 'RETURNS-RTV',
};

/** Where a returned unit lands: restock to its home location when it has one, every other disposition to its area. */
export const returnLocation = (disposition: ReturnDisposition, homeLocation: string | null): string =>
  disposition === 'restock' && homeLocation ? homeLocation : RETURN_LOCATIONS[disposition];

/** Whether a lot with `expiry` (ISO date) is expired on `today` (ISO date). */
export const lotExpired = (expiry: string | null, today: string): boolean => expiry !== null && expiry < today;
