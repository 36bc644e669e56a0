import type { Address } from '../../../../shared/domain/master-data';

/** Everything a carrier needs to label one carton. */
export interface ShipmentLabelInput {
  orderId: string;
  orderNumber: string;
  cartonId: string;
  /** Carton number within the shipment and how many cartons the shipment has (as far as known). */
  cartonNumber: number;
  cartonCount: number;
  sscc: string;
  carrier: string;
  service: string;
  weightG: number;
  shipTo: Address;
  shipFrom: Address;
}

export interface ShipmentLabel {
  tracking: string;
  /** The carrier's own label; when absent the station prints its shipping label template with the tracking number. */
  zpl?: string;
}

/** A carrier integration: turns a carton into a tracking number (and maybe the carrier's label). */
export interface CarrierAdapter {
  readonly name: string;
  createShipmentLabel(input: ShipmentLabelInput): Promise<ShipmentLabel>;
}

/** What the pack bench gets back: the label plus which adapter made it and whether it was a fallback. */
export interface IssuedLabel extends ShipmentLabel {
  adapter: string;
  fallback: boolean;
  /** Why the fallback was used (the carrier could not be reached), for the operator and the journal. */
  fallbackReason?: string;
}

/** Picks the adapter for an order's carrier. */
export interface CarrierRegistry {
  issue(input: ShipmentLabelInput): Promise<IssuedLabel>;
}

/** A refusal by the carrier (not an outage): no fallback label is printed for it. */
export class CarrierRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CarrierRefusal';
  }
}
