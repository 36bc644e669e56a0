/** Receiving without a PO or ASN (blind receipt): for a supplier of the site's list, every unit scanned. */
import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator, Supplier } from '../../../shared/domain/master-data';
import { message } from '../../../shared/messages';
import { notFound } from '../kernel/errors';
import { feedback } from '../session';
import { changed, nowIso, type ReceivingDeps, setActiveReceipt } from './deps';
import { receiptNumber } from './open';
import type { ReceiptRow } from './repo';

/** The suppliers a receipt without PO may be opened for. */
export function supplierList(deps: ReceivingDeps): Supplier[] {
  return deps.ctx.site().suppliers ?? [];
}

/** Opens a receipt without PO for the supplier, or resumes the one this station has open for them. */
export function openBlindReceipt(
  deps: ReceivingDeps,
  operator: Operator,
  supplierId: string,
): { receipt: ReceiptRow; answer: ScanFeedback } {
  const supplier = supplierList(deps).find((s) => s.id === supplierId);
  if (!supplier) throw notFound('errors.notFound', { document: supplierId.slice(0, 64) });
  const resume = deps.repo.openBlindReceipt(supplier.id);
  const id = resume?.id ?? receiptNumber();
  deps.ctx.transaction(() =>
    deps.ctx.record(
      operator,
      { kind: resume ? 'receiving.resume' : 'receiving.open', payload: { receiptId: id, blind: true, supplierId: supplier.id } },
      () => {
        if (!resume) deps.repo.insertBlindReceipt(id, supplier.id, supplier.name, nowIso(deps), operator.id);
        setActiveReceipt(deps, id);
      },
    ),
  );
  changed(deps, 'receipt opened');
  const receipt = deps.repo.receipt(id);
  if (!receipt) throw new Error(`receipt ${id} was not written`);
  return { receipt, answer: feedback.accepted('receiving', message('receiving.blindOpened', { supplier: supplier.name })) };
}
