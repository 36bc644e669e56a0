/** Every scan on the receiving screen: a supervisor badge, an answer to a prompt, a PO/ASN/pallet, or goods. */
import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import { message } from '../../../shared/messages';
import type { Tracked } from '../../../shared/rules/receiving';
import { readExpiry } from '../../../shared/rules/shelf-life';
import { type ParsedScanOk, pairingError } from '../../../shared/scan';
import { feedback, type ScanInput } from '../session';
import { approvePending, decide, refuse } from './accept';
import { activeReceipt, changed, type ReceivingDeps, today } from './deps';
import { findReference, openReceipt, startSupplierLpn } from './open';
import { countSample, dropPalletOffer, offerPallet, receiveWholePallet } from './pallet';
import type { Candidate } from './session';
import { countByWeight } from './weight-count';

const W = 'receiving' as const;
const LOT_TEXT = /^[\x21-\x7e]{1,20}$/;
const SERIAL_TEXT = /^[\x21-\x7e]{1,40}$/;

/** The GTIN a scan names: AI (01), else the contained items' AI (02). */
function gtinOf(parsed: ParsedScanOk): string | undefined {
  return parsed.gtin ?? parsed.elements.find((e) => e.ai === '02')?.value;
}

const trackedOf = (parsed: ParsedScanOk): Partial<Tracked> => ({
  ...(parsed.lot ? { lot: parsed.lot } : {}),
  ...(parsed.expiry ? { expiry: parsed.expiry } : {}),
  ...(parsed.serial ? { serial: parsed.serial } : {}),
});

function describeReceipt(deps: ReceivingDeps, poId: string, poNumber: string, sscc: string | null): ScanFeedback {
  const lines = deps.repo.poLines(poId).length;
  return feedback.accepted(
    W,
    sscc
      ? message('receiving.openedOnPallet', { document: poNumber, count: lines, sscc })
      : message('receiving.opened', { document: poNumber, count: lines }),
  );
}

/** Fills what the pending candidate lacks from one scan or typed text; null when the text answers nothing asked. */
export function fillPending(deps: ReceivingDeps, operator: Operator, fill: Partial<Tracked> | string): ScanFeedback | null {
  const pending = deps.session.pending;
  if (pending?.kind !== 'tracking') return null;
  const candidate: Candidate = { ...pending.candidate };
  if (typeof fill === 'string') {
    const need = pending.needs[0];
    const text = fill.trim();
    if (need === 'lot') {
      if (!LOT_TEXT.test(text)) return refuse(deps, operator, 'bad_lot', message('receiving.badLot', { text: text.slice(0, 30) }));
      candidate.lot = text;
    } else if (need === 'expiry') {
      const expiry = readExpiry(text, today(deps));
      if (!expiry.ok) return refuse(deps, operator, 'bad_expiry', message('receiving.badExpiry', { text: text.slice(0, 30) }));
      candidate.expiry = expiry.iso;
    } else if (need === 'serial') {
      if (!SERIAL_TEXT.test(text)) return refuse(deps, operator, 'bad_serial', message('receiving.badSerial', { text: text.slice(0, 30) }));
      candidate.serial = text;
    }
  } else {
    if (fill.lot !== undefined) candidate.lot = fill.lot;
    if (fill.expiry !== undefined) candidate.expiry = fill.expiry;
    if (fill.serial !== undefined) candidate.serial = fill.serial;
  }
  deps.session.pending = null;
  return decide(deps, operator, candidate);
}

function candidateFromScan(deps: ReceivingDeps, operator: Operator, parsed: ParsedScanOk): Candidate | ScanFeedback {
  const gtin = gtinOf(parsed);
  const code = gtin ?? parsed.data.trim();
  const known = deps.repo.barcode(code);
  const item = known ? deps.repo.item(known.itemId) : parsed.kind === 'plain' ? deps.repo.itemBySku(code) : undefined;
  if (!item) {
    deps.session.unknownBarcode = code;
    changed(deps, 'unknown barcode');
    return refuse(deps, operator, 'unknown_barcode', message('receiving.unknownBarcode', { code }), { code });
  }
  const packQty = known?.packQty ?? 1;
  let qty = parsed.count !== undefined ? parsed.count * (parsed.gtin ? 1 : packQty) : packQty;
  // Variable-measure trade items (indicator 9) carry their net weight: the count follows from it.
  if (parsed.count === undefined && gtin?.startsWith('9') && parsed.netWeightKg !== undefined) {
    const counted = countByWeight({ value: parsed.netWeightKg, unit: 'kg', stable: true, status: 'ok' }, item.unitWeightG);
    if (!counted.ok)
      return refuse(deps, operator, counted.reason, message('receiving.itemProblem', { sku: item.sku, problem: counted.message }), {
        code,
      });
    qty = counted.count;
  }
  if (qty < 1) return refuse(deps, operator, 'zero_count', message('receiving.zeroCount', { sku: item.sku }), { code });
  return {
    itemId: item.id,
    qty,
    lot: parsed.lot ?? null,
    expiry: parsed.expiry ?? null,
    serial: parsed.serial ?? null,
    source: 'scan',
    barcode: code,
    // A plain EAN/UPC scan carries its GTIN as AI (01) for the pairing rules of the item's later labels.
    ais: parsed.elements.length > 0 ? parsed.elements.map((e) => e.ai) : gtin ? ['01'] : [],
    approvals: [],
  };
}

/** A document number as the ERP writes it (PO-1001, ASN-77, SO-2002): not found is the answer, not "open one first". */
const looksLikeDocument = (data: string): boolean => /^(PO|ASN)[-_ ]?\w+$/i.test(data);

/** Said instead of judging a scan against a cache that holds only part of the site. */
export const SITE_LOADING = message('errors.siteLoading');

export async function onReceivingScan(deps: ReceivingDeps, { parsed }: ScanInput, operator: Operator): Promise<ScanFeedback> {
  if (!parsed.ok)
    return refuse(deps, operator, 'unreadable', message('receiving.unreadable', { detail: parsed.error }), {
      data: parsed.data.slice(0, 100),
      error: parsed.error,
    });
  if (!deps.ctx.sync.cacheComplete()) return refuse(deps, operator, 'site_loading', SITE_LOADING, { data: parsed.data.slice(0, 100) });
  const receipt = activeReceipt(deps);
  const data = parsed.data.trim();
  const pending = deps.session.pending;

  const badgeHolder = parsed.kind === 'plain' ? deps.ctx.badges.holder(data) : null;
  if (badgeHolder) {
    if (pending?.kind !== 'approval')
      return feedback.refused(W, 'nothing_pending', message('receiving.badgeNoApproval', { name: badgeHolder.name }));
    // Counted and journaled like a typed approval; a PIN, when the site asks for one, is typed on the approval prompt.
    return approvePending(deps, operator, deps.ctx.badges.approve({ badge: data, via: 'receiving.scan' }));
  }

  const ssccOnly = parsed.sscc !== undefined && gtinOf(parsed) === undefined;
  if (ssccOnly || parsed.kind === 'plain') {
    const found = findReference(deps, parsed.sscc ?? data);
    if (found) {
      const sscc = found.sscc;
      if (receipt && receipt.poId === found.po.id) {
        if (sscc) {
          // The offered pallet scanned again confirms it: weighed, then received whole or sampled.
          if (deps.session.pallet?.sscc === sscc && deps.session.pallet.stage === 'offer') return receiveWholePallet(deps, operator, sscc);
          startSupplierLpn(deps, operator, receipt.id, sscc);
          changed(deps, 'pallet');
          const offer = found.asn ? offerPallet(deps, receipt, found.asn.id, sscc) : null;
          return (
            offer ?? feedback.accepted(W, message('receiving.palletStarted', { sscc, document: found.asn?.number ?? found.po.number }))
          );
        }
        return feedback.accepted(W, message('receiving.alreadyOpen', { document: found.po.number }));
      }
      const opened = openReceipt(deps, operator, found);
      const offer = sscc && found.asn ? offerPallet(deps, opened, found.asn.id, sscc) : null;
      return offer ?? describeReceipt(deps, found.po.id, found.po.number, sscc);
    }
    if (parsed.kind === 'plain' && looksLikeDocument(data))
      return refuse(deps, operator, 'not_found', message('errors.notFound', { document: data.slice(0, 64) }), { data: data.slice(0, 100) });
    if (ssccOnly)
      return refuse(deps, operator, 'unknown_sscc', message('receiving.unknownSscc', { sscc: parsed.sscc ?? '' }), {
        sscc: parsed.sscc,
      });
  }

  if (!receipt) return refuse(deps, operator, 'no_receipt', message('receiving.noReceipt'), { data: data.slice(0, 100) });

  if (pending?.kind === 'tracking') {
    const gtin = gtinOf(parsed);
    const sameItem = gtin !== undefined && deps.repo.barcode(gtin)?.itemId === pending.candidate.itemId;
    const tracked = trackedOf(parsed);
    if ((sameItem || (gtin === undefined && parsed.kind === 'gs1')) && Object.keys(tracked).length > 0) {
      // The labels of one item are judged together: GS1's pairing rules hold over all of them, not label by label.
      const pairing = pairingError([...pending.candidate.ais, ...parsed.elements.map((e) => e.ai)]);
      if (pairing)
        return refuse(deps, operator, 'gs1_pairing', message('receiving.unreadable', { detail: pairing }), { data: data.slice(0, 100) });
      return fillPending(deps, operator, tracked) ?? feedback.refused(W, 'nothing_pending', message('receiving.nothingToFill'));
    }
    if (parsed.kind === 'plain' && deps.repo.barcode(data) === undefined)
      return fillPending(deps, operator, data) ?? feedback.refused(W, 'nothing_pending', message('receiving.nothingToFill'));
    deps.session.pending = null;
  } else if (pending?.kind === 'approval') {
    deps.session.pending = null;
  }

  if (parsed.kind === 'gs1' && gtinOf(parsed) === undefined) {
    return refuse(deps, operator, 'no_item', message('receiving.noItemInBarcode'), {
      data: data.slice(0, 100),
    });
  }
  const candidate = candidateFromScan(deps, operator, parsed);
  if ('outcome' in candidate) return candidate;
  if (deps.session.pallet?.stage === 'sample') return countSample(deps, operator, candidate);
  // Goods scanned instead of confirming the offered pallet: it is received unit by unit.
  if (deps.session.pallet) dropPalletOffer(deps, operator);
  return decide(deps, operator, candidate);
}
