import type { Item } from '../../../shared/domain/master-data';
import type { LpnView, PendingView, PoSummary, ReceiptView, ReceivedScanView } from '../../../shared/domain/receiving';
import { type Message, type MessageCode, message } from '../../../shared/messages';
import { allowedQty } from '../../../shared/rules/receiving';
import type { ReceivingDeps } from './deps';
import { palletOfferView } from './pallet';
import type { LineRow, LpnRow } from './repo';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Items by id, read once per view. */
export function itemLookup(deps: ReceivingDeps): (id: string) => Item | undefined {
  const seen = new Map<string, Item | undefined>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, deps.repo.item(id));
    return seen.get(id);
  };
}

export function purchaseOrderList(deps: ReceivingDeps): PoSummary[] {
  return deps.repo.openPurchaseOrders().map((po) => ({
    poId: po.id,
    number: po.number,
    supplier: po.supplier,
    expectedDate: po.expectedDate,
    lineCount: po.lineCount,
    asns: deps.repo.asnsOfPo(po.id).map((a) => ({ id: a.id, number: a.number })),
    receiptOpen: deps.repo.openReceiptOfPo(po.id) !== undefined,
  }));
}

/** The LPN's contents by item and lot, with its weight against the ASN's. */
export function lpnView(deps: ReceivingDeps, lpn: LpnRow, currentLpn: string | null, item = itemLookup(deps)): LpnView {
  const lines = deps.repo.linesOfLpn(lpn.lpn);
  const grouped = new Map<string, LpnView['items'][number]>();
  let contentsG = 0;
  for (const l of lines) {
    const key = `${l.itemId}\u0000${l.lot ?? ''}\u0000${l.onHold ? 1 : 0}`;
    const entry = grouped.get(key) ?? { itemId: l.itemId, sku: item(l.itemId)?.sku ?? l.itemId, lot: l.lot, qty: 0, onHold: l.onHold };
    entry.qty += l.qty;
    grouped.set(key, entry);
    contentsG += l.qty * (item(l.itemId)?.unitWeightG ?? 0);
  }
  const asnWeightKg = asnWeightFor(deps, lpn);
  return {
    lpn: lpn.lpn,
    kind: lpn.kind,
    container: lpn.container,
    sscc: lpn.sscc,
    items: [...grouped.values()],
    weightKg: lpn.weightKg,
    contentsKg: round3(contentsG / 1000),
    asnWeightKg,
    weightDiffKg: lpn.weightKg !== null && asnWeightKg !== null ? round3(lpn.weightKg - asnWeightKg) : null,
    location: lpn.location,
    labelsPrinted: lpn.labelsPrinted,
    current: currentLpn === lpn.lpn,
  };
}

/**
 * A supplier pallet is compared with its own expected gross weight when the ASN gives one; else the ASN's one weight
 * for its shipment is compared with the supplier's pallet (its SSCC is on the ASN) or the receipt's only license plate.
 */
function asnWeightFor(deps: ReceivingDeps, lpn: LpnRow): number | null {
  const receipt = deps.repo.receipt(lpn.receiptId);
  if (!receipt?.asnId) return null;
  const asn = deps.repo.asn(receipt.asnId);
  if (!asn) return null;
  const own = lpn.kind === 'supplier' && lpn.sscc ? deps.repo.asnPalletWeightKg(asn.id, lpn.sscc) : undefined;
  if (own !== undefined) return own;
  if (asn.expectedWeightKg === null) return null;
  if (lpn.kind === 'supplier') return deps.repo.asnLines(asn.id).some((l) => l.sscc === lpn.sscc) ? asn.expectedWeightKg : null;
  const plates = deps.repo.lpnsOfReceipt(receipt.id).filter((p) => p.kind !== 'supplier');
  return plates.length === 1 ? asn.expectedWeightKg : null;
}

function pendingView(deps: ReceivingDeps, item: (id: string) => Item | undefined): PendingView | null {
  const p = deps.session.pending;
  if (!p) return null;
  const sku = item(p.candidate.itemId)?.sku ?? p.candidate.itemId;
  if (p.kind === 'tracking') {
    const { lot, expiry, serial } = p.candidate;
    return {
      kind: 'tracking',
      itemId: p.candidate.itemId,
      sku,
      qty: p.candidate.qty,
      needs: p.needs,
      have: { lot, expiry, serial },
      message: trackingPrompt(sku, p.needs),
    };
  }
  return { kind: 'approval', itemId: p.candidate.itemId, sku, qty: p.candidate.qty, rule: p.rule, message: p.message };
}

export function trackingPrompt(sku: string, needs: readonly ('lot' | 'expiry' | 'serial')[]): Message {
  return message('receiving.needsTracking', { sku, what: message(`tracking.${[...needs].sort().join('+')}` as MessageCode) });
}

const scanView = (l: LineRow, sku: string): ReceivedScanView => ({
  id: l.id,
  scanId: l.scanId,
  at: l.at,
  itemId: l.itemId,
  sku,
  qty: l.qty,
  poLineNo: l.poLineNo,
  lot: l.lot,
  expiry: l.expiry,
  serial: l.serial,
  condition: l.condition,
  reason: l.reason,
  onHold: l.onHold,
  lpn: l.lpn,
  source: l.source,
  approvedBy: l.approvedBy,
});

export function receiptView(deps: ReceivingDeps, receiptId: string): ReceiptView {
  const { repo } = deps;
  const receipt = repo.receipt(receiptId);
  if (!receipt) throw new Error(`receipt ${receiptId} vanished`);
  const po = receipt.poId ? repo.purchaseOrder(receipt.poId) : undefined;
  const item = itemLookup(deps);
  const site = deps.ctx.site();
  const asn = receipt.asnId ? repo.asn(receipt.asnId) : undefined;
  const asnLines = asn ? repo.asnLines(asn.id) : [];
  const lines = repo.lines(receipt.id);
  const sum = (rows: LineRow[]) => rows.reduce((s, r) => s + r.qty, 0);

  const poLines = (receipt.poId ? repo.poLines(receipt.poId) : []).map((l) => {
    const it = item(l.itemId);
    const mine = lines.filter((r) => r.poLineNo === l.lineNo);
    const hint = asnLines.find((a) => a.poLineNo === l.lineNo);
    return {
      poLineNo: l.lineNo,
      itemId: l.itemId,
      sku: it?.sku ?? l.itemId,
      description: it?.description ?? '',
      ordered: l.ordered,
      received: sum(mine),
      damaged: sum(mine.filter((r) => r.condition !== 'good')),
      onHold: sum(mine.filter((r) => r.onHold)),
      allowed: allowedQty(l.ordered, it?.overReceiptTolerancePct ?? null, po?.tolerancePct ?? 0, site.defaultOverReceiptTolerancePct),
      lotTracked: it?.lotTracked ?? false,
      expiryTracked: it?.expiryTracked ?? false,
      serialTracked: it?.serialTracked ?? false,
      asn: hint ? { qty: hint.qty, lot: hint.lot, expiry: hint.expiry } : null,
    };
  });

  const unexpected = new Map<string, ReceiptView['unexpected'][number]>();
  for (const l of lines.filter((r) => r.poLineNo === null)) {
    const it = item(l.itemId);
    const u = unexpected.get(l.itemId) ?? {
      itemId: l.itemId,
      sku: it?.sku ?? l.itemId,
      description: it?.description ?? '',
      received: 0,
      damaged: 0,
    };
    u.received += l.qty;
    if (l.condition !== 'good') u.damaged += l.qty;
    unexpected.set(l.itemId, u);
  }

  return {
    receiptId: receipt.id,
    poId: receipt.poId ?? '',
    poNumber: po?.number ?? receipt.poId ?? receipt.id,
    supplier: po?.supplier ?? receipt.supplierName ?? '',
    asn: asn ? { id: asn.id, number: asn.number, expectedWeightKg: asn.expectedWeightKg } : null,
    status: receipt.status,
    lines: poLines,
    unexpected: [...unexpected.values()],
    scans: lines
      .slice(-30)
      .reverse()
      .map((l) => scanView(l, item(l.itemId)?.sku ?? l.itemId)),
    lpns: repo.lpnsOfReceipt(receipt.id).map((p) => lpnView(deps, p, receipt.currentLpn, item)),
    currentLpn: receipt.currentLpn,
    pending: receipt.status === 'open' ? pendingView(deps, item) : null,
    nextCondition: deps.session.nextCondition,
    unknownBarcode: deps.session.unknownBarcode,
    blind: receipt.kind === 'blind' ? { supplierId: receipt.supplierId ?? '', supplierName: receipt.supplierName ?? '' } : null,
    pallet: receipt.status === 'open' ? palletOfferView(deps) : null,
  };
}
