/** Closing a receipt: the discrepancy summary, a supervisor's approval, open LPNs put away, `receipt.close`, the report. */

import { randomUUID } from 'node:crypto';
import type { SupervisorApproval } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import type { CloseSummary, PrintOutcome } from '../../../shared/domain/receiving';
import { type Message, message } from '../../../shared/messages';
import { closeSummary, hasDiscrepancies } from '../../../shared/rules/receiving';
import { buildReceiptReport } from '../devices';
import { StationError } from '../kernel/errors';
import { approvingSupervisor } from '../session';
import { syncOp } from '../storage/sync-op';
import { changed, nowIso, type ReceivingDeps, requireReceipt, setActiveReceipt } from './deps';
import { planPutaway, recordPutaway } from './lpn';
import { QUARANTINE_ZONE } from './putaway';
import type { ReceiptRow } from './repo';
import { itemLookup } from './views';

export function summarize(deps: ReceivingDeps, receipt: ReceiptRow): CloseSummary {
  const item = itemLookup(deps);
  const lines = closeSummary(receipt.poId ? deps.repo.poLines(receipt.poId) : [], deps.repo.lines(receipt.id));
  const openLpns = deps.repo
    .lpnsOfReceipt(receipt.id)
    .filter((p) => p.location === null && deps.repo.linesOfLpn(p.lpn).length > 0)
    .map((p) => p.lpn);
  return {
    receiptId: receipt.id,
    poId: receipt.poId ?? '',
    lines: lines.map((l) => ({ ...l, sku: item(l.itemId)?.sku ?? l.itemId })),
    // A receipt without PO is closed only with a supervisor's badge.
    needsApproval: receipt.kind === 'blind' || hasDiscrepancies(lines),
    openLpns,
  };
}

/** Closing puts open plates away to their best place: one going to quarantine (all of it held) needs a supervisor. */
function quarantineOnClose(deps: ReceivingDeps, openLpns: readonly string[]): Message | null {
  for (const id of openLpns) {
    const lpn = deps.repo.lpn(id);
    const best = lpn ? planPutaway(deps, lpn, 1).suggestions[0] : undefined;
    if (lpn && best?.zone === QUARANTINE_ZONE) {
      const count = deps.repo.linesOfLpn(id).reduce((s, l) => s + l.qty, 0);
      return message('receiving.quarantineNeedsSupervisor', { lpn: id, count, location: best.location });
    }
  }
  return null;
}

export function closePreview(deps: ReceivingDeps): CloseSummary {
  return summarize(deps, requireReceipt(deps));
}

export async function closeReceipt(
  deps: ReceivingDeps,
  operator: Operator,
  approval: SupervisorApproval | undefined,
  printReport: boolean,
): Promise<{ summary: CloseSummary; approvedBy: string | null; report: PrintOutcome | null }> {
  const receipt = requireReceipt(deps);
  if (receipt.poId === null) return closeBlindReceipt(deps, operator, receipt, approval, printReport);
  const poId = receipt.poId;
  const summary = summarize(deps, receipt);
  let approver: Operator | null = null;
  if (approval !== undefined) approver = approvingSupervisor(deps.ctx, 'receiving.close', approval);
  if (summary.needsApproval && !approver) {
    const skus = summary.lines.filter((l) => l.kind !== 'ok' || l.damaged > 0).map((l) => l.sku);
    throw new StationError('rule', message('receiving.closeNeedsApproval', { skus: skus.join(', '), count: skus.length }));
  }
  const quarantined = quarantineOnClose(deps, summary.openLpns);
  if (quarantined && !approver) throw new StationError('forbidden', quarantined);
  const approvedBy = approver?.id ?? null;
  const at = nowIso(deps);

  const putAway: { lpn: string; location: string | null }[] = [];
  deps.ctx.transaction(() => {
    for (const id of summary.openLpns) {
      const lpn = deps.repo.lpn(id);
      const location = lpn ? planPutaway(deps, lpn, 1).suggestions[0]?.location : undefined;
      if (lpn && location) recordPutaway(deps, operator, receipt, lpn, location);
      putAway.push({ lpn: id, location: location ?? null });
    }
    const op = syncOp('receipt.close', {
      receiptId: receipt.id,
      poId,
      lines: summary.lines.map(({ poLineNo, itemId, ordered, received, damaged, kind }) => ({
        poLineNo,
        itemId,
        ordered,
        received,
        damaged,
        kind,
      })),
      approvedBy,
    });
    deps.ctx.record(
      operator,
      { kind: 'receiving.close', payload: { receiptId: receipt.id, poId: receipt.poId, approvedBy, putAway, lines: summary.lines }, op },
      () => {
        if (!deps.repo.closeReceipt(receipt.id, at, operator.id, approvedBy, summary.lines))
          throw new StationError('conflict', message('receiving.closedAlready'));
        deps.repo.closePurchaseOrder(poId);
        setActiveReceipt(deps, null);
      },
    );
  });
  changed(deps, 'receipt closed');

  const report = printReport ? await printReceiptReport(deps, receipt, summary, operator) : null;
  return { summary: { ...summary, openLpns: [] }, approvedBy, report };
}

/**
 * Closes a receipt without PO: only with a supervisor's badge, never empty. The server learns of it in one
 * `receipt.blind` op (every line, the supplier, the approver), then of the put away license plates.
 */
async function closeBlindReceipt(
  deps: ReceivingDeps,
  operator: Operator,
  receipt: ReceiptRow,
  approval: SupervisorApproval | undefined,
  printReport: boolean,
): Promise<{ summary: CloseSummary; approvedBy: string | null; report: PrintOutcome | null }> {
  if (approval === undefined) throw new StationError('forbidden', message('receiving.blindNeedsSupervisor'));
  const approver = approvingSupervisor(deps.ctx, 'receiving.close', approval);
  const lines = deps.repo.lines(receipt.id);
  if (lines.length === 0) throw new StationError('rule', message('receiving.blindEmpty'));
  const summary = summarize(deps, receipt);
  const at = nowIso(deps);
  const putAway: { lpn: string; location: string | null }[] = [];
  deps.ctx.transaction(() => {
    const op = syncOp('receipt.blind', {
      receiptId: receipt.id,
      supplierId: receipt.supplierId ?? '',
      supplierName: receipt.supplierName ?? '',
      openedAt: receipt.openedAt,
      approvedBy: approver.id,
      lines: lines.map((l) => ({
        lineId: randomUUID(),
        itemId: l.itemId,
        qty: l.qty,
        lot: l.lot,
        expiry: l.expiry,
        serial: l.serial,
        condition: l.condition,
        reason: l.reason?.slice(0, 200) ?? null,
        lpn: l.lpn,
        onHold: l.onHold,
      })),
    });
    deps.ctx.record(
      operator,
      { kind: 'receiving.close', payload: { receiptId: receipt.id, blind: true, approvedBy: approver.id, lines: summary.lines }, op },
      () => {
        if (!deps.repo.closeReceipt(receipt.id, at, operator.id, approver.id, summary.lines))
          throw new StationError('conflict', message('receiving.closedAlready'));
      },
    );
    for (const id of summary.openLpns) {
      const lpn = deps.repo.lpn(id);
      const location = lpn ? planPutaway(deps, lpn, 1).suggestions[0]?.location : undefined;
      if (lpn && location) recordPutaway(deps, operator, receipt, lpn, location);
      putAway.push({ lpn: id, location: location ?? null });
    }
    setActiveReceipt(deps, null);
  });
  changed(deps, 'receipt closed');
  const report = printReport ? await printReceiptReport(deps, receipt, summary, operator) : null;
  return { summary: { ...summary, openLpns: [] }, approvedBy: approver.id, report };
}

async function printReceiptReport(
  deps: ReceivingDeps,
  receipt: ReceiptRow,
  summary: CloseSummary,
  operator: Operator,
): Promise<PrintOutcome> {
  const po = receipt.poId ? deps.repo.purchaseOrder(receipt.poId) : undefined;
  const item = itemLookup(deps);
  const lpns = deps.repo.lpnsOfReceipt(receipt.id);
  const received = deps.repo.lines(receipt.id);
  const locationOf = (itemId: string) => {
    const places = new Set(
      received
        .filter((l) => l.itemId === itemId)
        .map((l) => lpns.find((p) => p.lpn === l.lpn)?.location)
        .filter((x): x is string => !!x),
    );
    return places.size === 1 ? [...places][0] : undefined;
  };
  const lotsOf = (itemId: string) =>
    [...new Set(received.filter((l) => l.itemId === itemId && l.lot).map((l) => l.lot))].join(' ').slice(0, 30);
  let pdf: Uint8Array;
  try {
    pdf = await buildReceiptReport(
      {
        receiptNumber: receipt.id,
        purchaseOrder: po?.number.slice(0, 30),
        supplier: (po?.supplier || receipt.supplierName || receipt.poId || '').slice(0, 60),
        receivedAt: nowIso(deps),
        receivedBy: operator.name.slice(0, 60),
        lines: summary.lines.map((l) => {
          const lot = lotsOf(l.itemId);
          const location = locationOf(l.itemId);
          return {
            sku: l.sku.slice(0, 30),
            description: (item(l.itemId)?.description ?? '').slice(0, 120),
            expected: l.ordered,
            received: l.received,
            ...(lot ? { lot } : {}),
            ...(location ? { location: location.slice(0, 20) } : {}),
          };
        }),
      },
      { createdAt: deps.ctx.clock.now() },
    );
  } catch (error) {
    return {
      id: `report:${receipt.id}`,
      state: 'failed',
      description: `Receiving report ${receipt.id}`,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const job = await deps.ctx.devices.print({
    role: 'document-printer',
    kind: 'pdf',
    data: pdf,
    idempotencyKey: `receiving:report:${receipt.id}`,
    description: `Receiving report ${receipt.id}`,
  });
  deps.ctx.record(operator, { kind: 'receiving.report', payload: { receiptId: receipt.id, job: job.id, state: job.state } });
  return { id: job.id, state: job.state, description: job.description, ...(job.error ? { error: job.error } : {}) };
}
