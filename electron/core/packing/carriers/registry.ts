import { HOUSE_CARRIER } from '../../../../shared/rules/house-labels';
import type { CarrierAdapter, CarrierRegistry, IssuedLabel, ShipmentLabelInput } from './carrier';
import { CarrierUnavailable } from './server';
import { buildShippingLabel } from './shipping-label';

export { HOUSE_CARRIER } from '../../../../shared/rules/house-labels';

/**
 * House orders get house labels. Other carriers go to the remote adapter when there is one; when it cannot be
 * reached, the house adapter labels the carton so the bench keeps working (the label says so).
 */
export function createCarrierRegistry(options: {
  house: CarrierAdapter;
  remote?: CarrierAdapter | null;
  onFallback?: (reason: string) => void;
}): CarrierRegistry {
  const viaHouse = async (input: ShipmentLabelInput, fallbackReason?: string): Promise<IssuedLabel> => {
    const label = await options.house.createShipmentLabel(input);
    return {
      tracking: label.tracking,
      zpl: label.zpl ?? buildShippingLabel(input, label.tracking),
      adapter: options.house.name,
      fallback: fallbackReason !== undefined,
      ...(fallbackReason ? { fallbackReason } : {}),
    };
  };
  return {
    async issue(input) {
      const remote = options.remote;
      if (input.carrier.toUpperCase() === HOUSE_CARRIER || !remote) return viaHouse(input);
      try {
        const label = await remote.createShipmentLabel(input);
        return {
          tracking: label.tracking,
          zpl: label.zpl ?? buildShippingLabel(input, label.tracking),
          adapter: remote.name,
          fallback: false,
        };
      } catch (error) {
        if (!(error instanceof CarrierUnavailable)) throw error;
        options.onFallback?.(error.message);
        return viaHouse(input, error.message);
      }
    },
  };
}
