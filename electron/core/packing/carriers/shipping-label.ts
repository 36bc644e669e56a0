import type { Address } from '../../../../shared/domain/master-data';
import { buildShippingLabel as buildShipping } from '../../devices';
import type { ShipmentLabelInput } from './carrier';

const clip = (text: string, max: number): string => text.trim().slice(0, max);

/** A master-data address as the label template wants it (lines clipped to what fits on a 4x6 label). */
export function labelAddress(a: Address): {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
} {
  const line2 = [a.company, a.street2]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
  return {
    name: clip(a.name, 40),
    line1: clip(a.street1, 40),
    ...(line2 ? { line2: clip(line2, 40) } : {}),
    city: clip(a.city, 30),
    ...(a.region.trim() ? { region: clip(a.region, 20) } : {}),
    postalCode: clip(a.postalCode, 12),
    country: clip(a.country, 30),
  };
}

/** The station's 4x6 shipping label (ship-from, ship-to, carrier/service, tracking Code 128, SSCC GS1-128). */
export function buildShippingLabel(input: ShipmentLabelInput, tracking: string): string {
  return buildShipping({
    shipFrom: labelAddress(input.shipFrom),
    shipTo: labelAddress(input.shipTo),
    carrier: clip(input.carrier, 24),
    service: clip(input.service, 30),
    trackingNumber: tracking,
    sscc: input.sscc,
    orderNumber: clip(input.orderNumber, 30),
    carton: { number: input.cartonNumber, of: Math.max(input.cartonNumber, input.cartonCount) },
    weight: { value: Math.max(0.01, Math.round(input.weightG / 10) / 100), unit: 'kg' },
  });
}
