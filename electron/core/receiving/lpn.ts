/** License plates of a receipt: start, weigh, label, putaway suggestion and confirmation. */

import type { ScanFeedback, SupervisorApproval } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import type { LpnView, PrintOutcome, PutawayPlan } from '../../../shared/domain/receiving';
import { message } from '../../../shared/messages';
import { type PalletLine, palletContent } from '../../../shared/rules/pallet-content';
import { gtinError, normalizeGtin } from '../../../shared/scan/check-digit';
import type { StockLine } from '../../../shared/sync-protocol';
import { lpnLabel, ssccLabel, toGrams } from '../devices';
import { notFound, ruleError, StationError } from '../kernel/errors';
import { approvingSupervisor, feedback } from '../session';
import { syncOp } from '../storage/sync-op';
import { changed, nowIso, type ReceivingDeps, requireReceipt } from './deps';
import { type PutawayGoods, type PutawayLocation, QUARANTINE_ZONE, suggestPutaway } from './putaway';
import type { LpnRow, ReceiptRow } from './repo';
import { nextInternalLpn, nextPalletSscc } from './sscc';
import { itemLookup, lpnView } from './views';

export const SCALE_ROLE = 'receiving-scale';
export const STABLE_TIMEOUT_MS = 5000;

export function requireLpn(deps: ReceivingDeps, receipt: ReceiptRow, ref: string | undefined): LpnRow {
  const id = ref ?? receipt.currentLpn;
  if (!id) throw ruleError('receiving.noLpn');
  const lpn = deps.repo.lpn(id);
  if (!lpn || lpn.receiptId !== receipt.id) throw notFound('receiving.lpnNotInReceipt', { lpn: id });
  return lpn;
}

export function startLpn(deps: ReceivingDeps, operator: Operator, container: 'pallet' | 'tote', label: 'sscc' | 'internal'): LpnView {
  const receipt = requireReceipt(deps);
  const { ctx, repo } = deps;
  const lpn = ctx.transaction(() => {
    const sscc = label === 'sscc' ? nextPalletSscc(deps.repo, ctx.site().gs1CompanyPrefix) : null;
    const id = sscc ?? nextInternalLpn(repo, ctx.meta, ctx.stationId);
    ctx.record(operator, { kind: 'receiving.lpn.start', payload: { receiptId: receipt.id, lpn: id, kind: label, container } }, () => {
      repo.insertLpn({ lpn: id, receiptId: receipt.id, kind: label, container, sscc, createdAt: nowIso(deps) }, operator.id);
      repo.setCurrentLpn(receipt.id, id);
    });
    return id;
  });
  changed(deps, 'lpn started');
  const row = repo.lpn(lpn);
  if (!row) throw new Error(`LPN ${lpn} was not written`);
  return lpnView(deps, row, lpn);
}

/** A stable reading of the receiving scale, or a device error the operator can act on. */
export async function readScale(deps: ReceivingDeps) {
  try {
    return await deps.ctx.devices.readStable(SCALE_ROLE, STABLE_TIMEOUT_MS);
  } catch {
    throw new StationError('device', message('receiving.scaleNoSteadyWeight'));
  }
}

export async function weighLpn(deps: ReceivingDeps, operator: Operator, ref: string | undefined): Promise<LpnView> {
  const receipt = requireReceipt(deps);
  const lpn = requireLpn(deps, receipt, ref);
  const reading = await readScale(deps);
  if (reading.status !== 'ok' || !reading.stable)
    throw new StationError('device', message('receiving.scaleStatus', { status: message(`scaleStatus.${reading.status}`) }));
  const kg = Math.round(toGrams(reading.value, reading.unit)) / 1000;
  if (kg <= 0) throw ruleError('receiving.nothingOnScale');
  deps.ctx.record(operator, { kind: 'receiving.lpn.weigh', payload: { lpn: lpn.lpn, weightKg: kg, reading } }, () =>
    deps.repo.weighLpn(lpn.lpn, kg, nowIso(deps)),
  );
  changed(deps, 'lpn weighed');
  const view = lpnView(deps, { ...lpn, weightKg: kg }, receipt.currentLpn);
  return view;
}

/** Putaway candidates with what this station knows of their stock and holds. */
function putawayLocations(deps: ReceivingDeps): PutawayLocation[] {
  const held = deps.repo.heldLocations();
  const stock = deps.repo.stockByLocation();
  return deps.repo.locations().map((l) => ({ ...l, held: held.has(l.code), stock: stock.get(l.code) ?? [] }));
}

function goodsOf(deps: ReceivingDeps, lpn: LpnRow): PutawayGoods[] {
  const item = itemLookup(deps);
  return lpnView(deps, lpn, null, item).items.map((g) => {
    const it = item(g.itemId);
    return {
      itemId: g.itemId,
      itemClass: it?.itemClass ?? 'general',
      homeLocation: it?.homeLocation ?? null,
      lot: g.lot,
      qty: g.qty,
      onHold: g.onHold,
    };
  });
}

export function planPutaway(deps: ReceivingDeps, lpn: LpnRow, limit = 5): PutawayPlan {
  const plan = suggestPutaway(goodsOf(deps, lpn), putawayLocations(deps), limit);
  // The interesting exclusions: places the goods would otherwise go (home, same item), not every rack of another class.
  const notable = plan.excluded.filter((e) => !/^does not take|quarantine/.test(e.reason)).slice(0, 10);
  return { lpn: lpn.lpn, suggestions: plan.suggestions, excluded: notable };
}

function stockLines(deps: ReceivingDeps, lpn: string): StockLine[] {
  const grouped = new Map<string, StockLine>();
  for (const l of deps.repo.linesOfLpn(lpn)) {
    const key = l.serial !== null ? `${l.itemId}\u0000${l.lot ?? ''}\u0000${l.serial}` : `${l.itemId}\u0000${l.lot ?? ''}`;
    const entry = grouped.get(key) ?? { itemId: l.itemId, lot: l.lot, serial: l.serial, qty: 0 };
    entry.qty += l.qty;
    grouped.set(key, entry);
  }
  return [...grouped.values()];
}

/** Records where the LPN goes (`lpn.putaway`); call inside a transaction when it is part of a larger change. */
export function recordPutaway(
  deps: ReceivingDeps,
  operator: Operator,
  receipt: ReceiptRow,
  lpn: LpnRow,
  location: string,
  approvedBy: string | null = null,
): void {
  const items = stockLines(deps, lpn.lpn);
  if (items.length === 0) throw ruleError('receiving.lpnEmpty', { lpn: lpn.lpn });
  const op = syncOp('lpn.putaway', { lpn: lpn.lpn, location, items });
  const payload = { receiptId: receipt.id, lpn: lpn.lpn, location, ...(approvedBy ? { approvedBy } : {}) };
  deps.ctx.record(operator, { kind: 'receiving.lpn.putaway', payload, op }, () => {
    if (!deps.repo.putAway(lpn.lpn, location, nowIso(deps), operator.id)) throw ruleError('receiving.lpnAlreadyPutAway', { lpn: lpn.lpn });
    if (receipt.currentLpn === lpn.lpn) deps.repo.setCurrentLpn(receipt.id, null);
  });
}

export function putAwayLpn(
  deps: ReceivingDeps,
  operator: Operator,
  ref: string | undefined,
  location: string | undefined,
  approval?: SupervisorApproval,
): LpnView {
  const receipt = requireReceipt(deps);
  const lpn = requireLpn(deps, receipt, ref);
  if (lpn.location) throw ruleError('receiving.lpnAlreadyPutAwayTo', { lpn: lpn.lpn, location: lpn.location });
  const plan = suggestPutaway(goodsOf(deps, lpn), putawayLocations(deps), Number.POSITIVE_INFINITY);
  let target = plan.suggestions[0]?.location;
  if (location !== undefined) {
    const loc = location.trim().toUpperCase();
    const ruledOut = plan.excluded.find((e) => e.location.toUpperCase() === loc);
    if (ruledOut) throw ruleError('receiving.locationRuledOut', { location: ruledOut.location });
    target = plan.suggestions.find((s) => s.location.toUpperCase() === loc)?.location;
    if (!target) throw notFound('errors.notFound', { document: location });
  }
  if (!target) throw ruleError('receiving.noLocation', { lpn: lpn.lpn });
  const chosen = target;
  // Quarantine holds everything on the plate, good units too: only with a supervisor's badge.
  const quarantine = plan.suggestions.find((s) => s.location === chosen)?.zone === QUARANTINE_ZONE;
  let approvedBy: string | null = null;
  if (quarantine) {
    if (approval === undefined) {
      const count = goodsOf(deps, lpn).reduce((s, g) => s + g.qty, 0);
      throw new StationError('forbidden', message('receiving.quarantineNeedsSupervisor', { lpn: lpn.lpn, count, location: chosen }));
    }
    approvedBy = approvingSupervisor(deps.ctx, 'receiving.quarantine', approval).id;
  }
  deps.ctx.transaction(() => recordPutaway(deps, operator, receipt, lpn, chosen, approvedBy));
  changed(deps, 'lpn put away');
  const row = deps.repo.lpn(lpn.lpn);
  if (!row) throw new Error(`LPN ${lpn.lpn} vanished`);
  return lpnView(deps, row, null);
}

/**
 * The trade item level a line was received at: the scanned barcode when it is a GTIN of the item, else (typed, by
 * weight) the item's unit GTIN.
 */
function receivedLevel(deps: ReceivingDeps, itemId: string, qty: number, barcode: string | null): PalletLine {
  const scanned = barcode ? deps.repo.barcode(barcode) : undefined;
  if (barcode && scanned?.itemId === itemId && gtinError(barcode) === undefined)
    return { itemId, qty, gtin: normalizeGtin(barcode), packQty: scanned.packQty };
  const unit = deps.repo.unitGtin(itemId);
  return { itemId, qty, gtin: unit ?? null, packQty: unit ? (deps.repo.barcode(unit)?.packQty ?? 1) : 1 };
}

export async function printLpnLabel(
  deps: ReceivingDeps,
  operator: Operator,
  ref: string | undefined,
  label: 'sscc' | 'lpn',
  reprintReason: string | undefined,
): Promise<PrintOutcome> {
  const receipt = requireReceipt(deps);
  const lpn = requireLpn(deps, receipt, ref);
  const view = lpnView(deps, lpn, receipt.currentLpn);
  const site = deps.ctx.site();
  const single = view.items.length > 0 && view.items.every((i) => i.itemId === view.items[0]?.itemId);
  const first = view.items[0];
  const item = first ? deps.repo.item(first.itemId) : undefined;
  let zpl: string;
  if (label === 'sscc') {
    if (!lpn.sscc) throw ruleError('receiving.internalLpnNoSscc', { lpn: lpn.lpn });
    const lines = deps.repo.linesOfLpn(lpn.lpn);
    const content = palletContent(lines.map((l) => receivedLevel(deps, l.itemId, l.qty, l.barcode)));
    const lots = new Set(view.items.map((i) => i.lot));
    const expiries = new Set(lines.map((l) => l.expiry));
    const [lot] = lots.size === 1 ? [...lots] : [null];
    const [expiry] = expiries.size === 1 ? [...expiries] : [null];
    zpl = ssccLabel.build({
      from: {
        name: site.siteName.slice(0, 40),
        address: `${site.shipFrom.street1}, ${site.shipFrom.postalCode} ${site.shipFrom.city}`.slice(0, 60),
      },
      sscc: lpn.sscc,
      ...(content ? { content } : {}),
      ...(lot && /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/.test(lot) ? { lot } : {}),
      ...(expiry ? { expiry } : {}),
    });
  } else {
    if (view.items.length === 0) throw ruleError('receiving.lpnEmptyForLabel', { lpn: lpn.lpn });
    const plan = lpn.location ? null : planPutaway(deps, lpn, 1);
    const location = lpn.location ?? plan?.suggestions[0]?.location ?? 'NO LOCATION';
    const qty = view.items.reduce((s, i) => s + i.qty, 0);
    zpl = lpnLabel.build({
      lpn: lpn.lpn,
      item:
        single && item
          ? { sku: item.sku, description: item.description.slice(0, 60) }
          : { sku: 'MIXED', description: `${view.items.length} items` },
      quantity: { value: qty, unit: 'EA' },
      ...(single && first?.lot ? { lot: first.lot } : {}),
      location,
    });
  }
  const job = await deps.ctx.devices.print({
    role: 'label-printer',
    kind: 'zpl',
    data: zpl,
    idempotencyKey: `receiving:${label}:${lpn.lpn}`,
    ...(reprintReason ? { reprintReason } : {}),
    description: `${label === 'sscc' ? 'SSCC' : 'LPN'} label ${lpn.lpn}`,
  });
  deps.ctx.record(
    operator,
    { kind: 'receiving.lpn.print', payload: { lpn: lpn.lpn, label, job: job.id, state: job.state, reprintReason: reprintReason ?? null } },
    () => {
      if (job.state !== 'failed') deps.repo.labelPrinted(lpn.lpn);
    },
  );
  changed(deps, 'label printed');
  return { id: job.id, state: job.state, description: job.description, ...(job.error ? { error: job.error } : {}) };
}

/** Takes a putaway of the open receipt back (`lpn.putaway.undo`): the plate is at the dock again, open to undo and split. */
export function undoPutaway(deps: ReceivingDeps, operator: Operator, ref: string): ScanFeedback {
  const receipt = requireReceipt(deps);
  const lpn = requireLpn(deps, receipt, ref);
  const location = lpn.location;
  if (!location) throw ruleError('receiving.lpnNotPutAway', { lpn: lpn.lpn });
  const items = stockLines(deps, lpn.lpn);
  const op = items.length > 0 ? syncOp('lpn.putaway.undo', { lpn: lpn.lpn, location, items }) : undefined;
  deps.ctx.record(operator, { kind: 'receiving.lpn.putaway.undo', payload: { receiptId: receipt.id, lpn: lpn.lpn, location }, op }, () => {
    if (!deps.repo.unputAway(lpn.lpn)) throw ruleError('receiving.lpnNotPutAway', { lpn: lpn.lpn });
  });
  changed(deps, 'putaway undone');
  return feedback.accepted('receiving', message('receiving.putawayUndone', { lpn: lpn.lpn, location }));
}

export interface SplitRequest {
  lpn: string;
  itemId: string;
  /** The lot to move (null: units without a lot); left out: any lot of the item. */
  lot?: string | null | undefined;
  /** Only held (or only free) units; left out: either. */
  onHold?: boolean | undefined;
  qty: number;
  container: 'pallet' | 'tote';
}

/**
 * Moves units of an item off a license plate that is not put away yet onto a new internal one (a held unit off a
 * mixed pallet, so the rest gets its normal putaway), newest received first; `lpn.split` tells the server.
 */
export function splitLpn(deps: ReceivingDeps, operator: Operator, request: SplitRequest): { feedback: ScanFeedback; lpn: string } {
  const receipt = requireReceipt(deps);
  const source = requireLpn(deps, receipt, request.lpn);
  if (source.location) throw ruleError('receiving.lpnAlreadyPutAwayTo', { lpn: source.lpn, location: source.location });
  const all = deps.repo.linesOfLpn(source.lpn);
  const matching = all
    .filter(
      (l) =>
        l.itemId === request.itemId &&
        (request.lot === undefined || l.lot === request.lot) &&
        (request.onHold === undefined || l.onHold === request.onHold),
    )
    .reverse();
  const sku = deps.repo.item(request.itemId)?.sku ?? request.itemId;
  const available = matching.reduce((s, l) => s + l.qty, 0);
  if (request.qty > available) throw ruleError('receiving.splitTooMany', { lpn: source.lpn, sku, count: available });
  if (request.qty >= all.reduce((s, l) => s + l.qty, 0)) throw ruleError('receiving.splitWholePlate', { lpn: source.lpn });
  const { ctx, repo } = deps;
  const target = ctx.transaction(() => {
    const id = nextInternalLpn(repo, ctx.meta, ctx.stationId);
    repo.insertLpn(
      { lpn: id, receiptId: receipt.id, kind: 'internal', container: request.container, sscc: null, createdAt: nowIso(deps) },
      operator.id,
    );
    const moved = new Map<string, StockLine>();
    let left = request.qty;
    for (const line of matching) {
      if (left === 0) break;
      const take = Math.min(left, line.qty);
      if (take === line.qty) repo.moveLine(line.id, id, source.lpn);
      else repo.splitLine(line.id, line.qty - take, take, id, source.lpn);
      const key = `${line.lot ?? ''}\u0000${line.serial ?? ''}`;
      const entry = moved.get(key) ?? { itemId: line.itemId, lot: line.lot, serial: line.serial, qty: 0 };
      entry.qty += take;
      moved.set(key, entry);
      left -= take;
    }
    const items = [...moved.values()];
    // A receipt without PO has told the server nothing yet: its lines go with its close, on the plates they are on then.
    const op = receipt.kind === 'blind' ? undefined : syncOp('lpn.split', { fromLpn: source.lpn, toLpn: id, items });
    ctx.record(operator, {
      kind: 'receiving.lpn.split',
      payload: { receiptId: receipt.id, fromLpn: source.lpn, toLpn: id, container: request.container, items },
      op,
    });
    return id;
  });
  changed(deps, 'lpn split');
  return {
    lpn: target,
    feedback: feedback.accepted('receiving', message('receiving.lpnSplit', { count: request.qty, sku, from: source.lpn, to: target })),
  };
}
