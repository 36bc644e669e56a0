import { computeCheckDigit } from '../../../../shared/scan/check-digit';
import type { CarrierAdapter, ShipmentLabelInput } from './carrier';
import { buildShippingLabel } from './shipping-label';

/** House tracking numbers: "WBH", a 4-digit station code, a 9-digit serial, a GS1 mod-10 check digit. */
export function houseTrackingNumber(stationCode: string, serial: number): string {
  if (!/^\d{4}$/.test(stationCode)) throw new RangeError(`house station code should be 4 digits, got "${stationCode}"`);
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > 999_999_999)
    throw new RangeError(`house tracking serial out of range: ${serial}`);
  const digits = `${stationCode}${String(serial).padStart(9, '0')}`;
  return `WBH${digits}${computeCheckDigit(digits)}`;
}

export { isHouseTrackingNumber } from '../../../../shared/rules/house-labels';

/** A 4-digit code for a station id, so house numbers of different stations of a site do not meet. */
export function stationCode(stationId: string): string {
  let h = 2166136261;
  for (let i = 0; i < stationId.length; i++) h = Math.imul(h ^ stationId.charCodeAt(i), 16777619) >>> 0;
  return String(h % 10_000).padStart(4, '0');
}

/** The built-in carrier: house tracking numbers and the station's own label, with no network. */
export function createHouseCarrier(options: { stationCode: string; nextSerial: () => number }): CarrierAdapter {
  return {
    name: 'house',
    async createShipmentLabel(input: ShipmentLabelInput) {
      const tracking = houseTrackingNumber(options.stationCode, options.nextSerial());
      return { tracking, zpl: buildShippingLabel(input, tracking) };
    },
  };
}
