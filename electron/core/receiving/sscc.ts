import { createHash } from 'node:crypto';
import type { Meta } from '../storage/meta';
import type { ReceivingRepo } from './repo';

/** Extension digit of the SSCCs of inbound pallets; shipping cartons use their own, so the two never meet. */
export const PALLET_SSCC_EXTENSION = 3;
export const LPN_COUNTER_KEY = 'receiving.lpn_counter';
/** Set by the server at enrollment when it hands out blocks; else taken from the station id. */
export const STATION_BLOCK_KEY = 'station.block';

/** The next SSCC for a pallet: extension digit 3, the site's GS1 company prefix, the station's serial reference counter. */
export function nextPalletSscc(repo: ReceivingRepo, companyPrefix: string): string {
  return repo.nextSscc(companyPrefix, PALLET_SSCC_EXTENSION);
}

/** Three digits that tell this station's internal numbers from other stations' of the site. */
export function stationBlock(meta: Meta, stationId: string): string {
  const set = meta.get(STATION_BLOCK_KEY);
  if (set && /^\d{3}$/.test(set)) return set;
  return String(createHash('sha256').update(stationId).digest().readUInt32BE(0) % 1000).padStart(3, '0');
}

/**
 * An internal license plate number: LPN-<leased number> once the server leases this station numbers (unique across
 * the site), else LPN-<station block>-<counter>. Call inside the transaction that uses it.
 */
export function nextInternalLpn(repo: ReceivingRepo, meta: Meta, stationId: string): string {
  const n = repo.nextLpnNumber(LPN_COUNTER_KEY);
  if (n.source === 'leased') return `LPN-${String(n.value).padStart(9, '0')}`;
  return `LPN-${stationBlock(meta, stationId)}-${String(n.value).padStart(6, '0')}`;
}
