/** House labels: the tracking numbers a station makes itself, and when a carton still needs its carrier's label. Pure. */
import { computeCheckDigit } from '../scan/check-digit';

/** The carrier code whose labels the station makes itself. */
export const HOUSE_CARRIER = 'HOUSE';

/** House tracking numbers: "WBH", a 4-digit station code, a 9-digit serial, a GS1 mod-10 check digit. */
const HOUSE_TRACKING = /^WBH(\d{4})(\d{9})(\d)$/;

export function isHouseTrackingNumber(tracking: string): boolean {
  const m = HOUSE_TRACKING.exec(tracking);
  return m !== null && computeCheckDigit(`${m[1]}${m[2]}`) === Number(m[3]);
}

/**
 * A carton of a carrier order (not a house order) labelled with a house tracking number: the carrier could not be
 * reached when it was packed, so it needs the carrier's label before it ships or goes on that carrier's manifest.
 */
export function needsCarrierRelabel(carrier: string, tracking: string): boolean {
  return carrier.toUpperCase() !== HOUSE_CARRIER && isHouseTrackingNumber(tracking);
}
