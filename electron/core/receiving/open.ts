import { uuidv7 } from 'uuidv7';
import type { Operator } from '../../../shared/domain/master-data';
import { isValidSscc } from '../../../shared/scan';
import { notFound, ruleError } from '../kernel/errors';
import { changed, nowIso, type ReceivingDeps, setActiveReceipt } from './deps';
import type { AsnRow, PoRow, ReceiptRow } from './repo';

/** RCV- and 24 hex digits of a UUIDv7 (its time and random parts): unique across stations, short enough for a barcode. */
export function receiptNumber(): string {
  const hex = uuidv7().replace(/-/g, '');
  return `RCV-${hex.slice(0, 12)}${hex.slice(-12)}`.toUpperCase();
}

export interface FoundReference {
  po: PoRow;
  asn: AsnRow | null;
  /** The supplier's pallet SSCC the receipt was found by. */
  sscc: string | null;
}

/** A PO by id or number, an ASN by id or number, or a supplier pallet SSCC listed on an ASN. */
export function findReference(deps: ReceivingDeps, reference: string): FoundReference | null {
  const ref = reference.trim();
  const sscc = /^(00)?\d{18}$/.test(ref) ? ref.slice(-18) : null;
  if (sscc && isValidSscc(sscc)) {
    const asnId = deps.repo.asnIdBySscc(sscc);
    const asn = asnId ? deps.repo.asn(asnId) : undefined;
    const po = asn ? deps.repo.purchaseOrder(asn.poId) : undefined;
    return asn && po ? { po, asn, sscc } : null;
  }
  const asn = deps.repo.asn(ref);
  if (asn) {
    const po = deps.repo.purchaseOrder(asn.poId);
    return po ? { po, asn, sscc: null } : null;
  }
  const po = deps.repo.purchaseOrder(ref);
  return po ? { po, asn: null, sscc: null } : null;
}

/** Opens the PO's receipt at this station, or resumes the one already open, and makes it the bench's. */
export function openReceipt(deps: ReceivingDeps, operator: Operator, found: FoundReference): ReceiptRow {
  const { repo } = deps;
  const { po, asn } = found;
  if (po.status !== 'open') throw ruleError('receiving.poNotOpen', { document: po.number });
  const at = nowIso(deps);
  const receipt = deps.ctx.transaction(() => {
    const existing = repo.openReceiptOfPo(po.id);
    const id = existing?.id ?? receiptNumber();
    deps.ctx.record(
      operator,
      {
        kind: existing ? 'receiving.resume' : 'receiving.open',
        payload: { receiptId: id, poId: po.id, asnId: asn?.id ?? null, sscc: found.sscc },
      },
      () => {
        if (!existing) repo.insertReceipt(id, po.id, asn?.id ?? null, at, operator.id);
        else if (asn && !existing.asnId) repo.setAsn(id, asn.id);
        setActiveReceipt(deps, id);
      },
    );
    if (found.sscc) startSupplierLpn(deps, operator, id, found.sscc);
    const row = repo.receipt(id);
    if (!row) throw new Error(`receipt ${id} was not written`);
    return row;
  });
  changed(deps, 'receipt opened');
  return receipt;
}

/** The supplier's pallet, by its SSCC, becomes the license plate the next goods are received onto. */
export function startSupplierLpn(deps: ReceivingDeps, operator: Operator, receiptId: string, sscc: string): void {
  const { repo } = deps;
  const existing = repo.lpn(sscc);
  if (existing && existing.receiptId !== receiptId) throw ruleError('receiving.palletOnOtherReceipt', { sscc });
  if (existing?.location) throw ruleError('receiving.palletPutAway', { sscc, location: existing.location });
  deps.ctx.record(
    operator,
    { kind: 'receiving.lpn.start', payload: { receiptId, lpn: sscc, kind: 'supplier', container: 'pallet' } },
    () => {
      if (!existing)
        repo.insertLpn({ lpn: sscc, receiptId, kind: 'supplier', container: 'pallet', sscc, createdAt: nowIso(deps) }, operator.id);
      repo.setCurrentLpn(receiptId, sscc);
    },
  );
}

export function requireReference(deps: ReceivingDeps, reference: string): FoundReference {
  const found = findReference(deps, reference);
  if (!found) throw notFound('errors.notFound', { document: reference.trim().slice(0, 64) });
  return found;
}
