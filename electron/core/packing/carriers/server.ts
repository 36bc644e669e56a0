import { CarrierLabelRequest, CarrierLabelResponse, ErrorBody } from '../../../../shared/sync-protocol';
import { type CarrierAdapter, CarrierRefusal, type ShipmentLabelInput } from './carrier';

/** The carrier could not be reached (offline, timeout, server trouble): the caller may fall back to a house label. */
export class CarrierUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CarrierUnavailable';
  }
}

export interface ServerCarrierOptions {
  /** The central server, e.g. http://warebench-server:8787 */
  baseUrl: string;
  /** The station's credential (Bearer). */
  credential: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Asks the central server's carrier integration (`POST /sync/v1/carrier-label`) for a tracking number and label. */
export function createServerCarrier(options: ServerCarrierOptions): CarrierAdapter {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const url = new URL('/sync/v1/carrier-label', options.baseUrl).toString();
  return {
    name: 'server',
    async createShipmentLabel(input: ShipmentLabelInput) {
      const body = CarrierLabelRequest.parse({
        orderId: input.orderId,
        cartonId: input.cartonId,
        carrier: input.carrier,
        service: input.service,
        weightG: Math.max(1, Math.round(input.weightG)),
        shipTo: input.shipTo,
      });
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.credential}` },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        throw new CarrierUnavailable(
          `the server at ${options.baseUrl} could not be reached (${error instanceof Error ? error.message : String(error)}${cause})`,
          { cause: error },
        );
      }
      const json: unknown = await response.json().catch(() => undefined);
      if (response.status >= 500 || response.status === 429) {
        throw new CarrierUnavailable(`the server answered ${response.status}`);
      }
      if (!response.ok) {
        const err = ErrorBody.safeParse(json);
        throw new CarrierRefusal(
          err.success ? err.data.error.code : `http_${response.status}`,
          err.success ? err.data.error.message : `the server refused the label (${response.status})`,
        );
      }
      const parsed = CarrierLabelResponse.safeParse(json);
      if (!parsed.success || parsed.data.tracking.trim() === '')
        throw new CarrierUnavailable('the server answered with something that is not a carrier label');
      return parsed.data.zpl ? { tracking: parsed.data.tracking, zpl: parsed.data.zpl } : { tracking: parsed.data.tracking };
    },
  };
}
