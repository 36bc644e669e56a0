/**
 * The decision on goods the receiver scanned, typed or weighed: the checks in order, then one transaction that
 * writes the received lines, their journal entries and their `receipt.line` ops. A refusal changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { Item, Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import { needsInspection } from '../../../shared/rules/inspection';
import {
  allowedQty,
  conditionProblem,
  holdsCovering,
  judgeQuantity,
  missingTracking,
  pickPoLine,
  receivedOnHold,
  serialConflict,
  serialQuantityProblem,
} from '../../../shared/rules/receiving';
import { checkShelfLife } from '../../../shared/rules/shelf-life';
import { notFound } from '../kernel/errors';
import { feedback } from '../session';
import { syncOp } from '../storage/sync-op';
import { changed, nowIso, type ReceivingDeps, requireReceipt, today } from './deps';
import type { NewLine, ReceiptRow } from './repo';
import { type ApprovalRule, type Candidate, goodCondition, keepForInspection } from './session';
import { trackingPrompt } from './views';

const W = 'receiving' as const;

/** Identical refusals closer together than this are journaled once, with a count: a scan flood is one entry a second. */
const REPEAT_WINDOW_MS = 1000;

interface RepeatedRefusal {
  key: string;
  firstMs: number;
  /** Identical refusals since the last journaled one, not journaled themselves. */
  repeats: number;
  operator: Operator;
  payload: Record<string, unknown>;
}
const lastRefusal = new WeakMap<ReceivingDeps['session'], RepeatedRefusal>();

/**
 * Journals a refusal (who scanned what, and why it was refused) and answers it with the loud error sound.
 * The same refusal again within a second is only counted; the count goes with the next journaled entry
 * (`repeated`: how many identical refusals came before it unjournaled).
 */
export function refuse(
  deps: ReceivingDeps,
  operator: Operator,
  reason: string,
  said: Message,
  detail: Record<string, unknown> = {},
): ScanFeedback {
  const payload = { reason, message: said, ...detail };
  const key = `${operator.id}\u0000${JSON.stringify(payload)}`;
  const now = deps.ctx.clock.now().getTime();
  const last = lastRefusal.get(deps.session);
  if (last && last.key === key && now - last.firstMs < REPEAT_WINDOW_MS) {
    last.repeats += 1;
    return feedback.refused(W, reason, said);
  }
  let repeated = 0;
  if (last && last.repeats > 0) {
    if (last.key === key) repeated = last.repeats;
    else deps.ctx.record(last.operator, { kind: 'receiving.refused', payload: { ...last.payload, repeated: last.repeats } });
  }
  deps.ctx.record(operator, { kind: 'receiving.refused', payload: repeated > 0 ? { ...payload, repeated } : payload });
  lastRefusal.set(deps.session, { key, firstMs: now, repeats: 0, operator, payload });
  return feedback.refused(W, reason, said);
}

function approved(candidate: Candidate, rule: ApprovalRule): string | null {
  return candidate.approvals.find((a) => a.rule === rule)?.by ?? null;
}

/** Held for a supervisor: accepted with a warning the operator must notice, received once a badge approves it. */
function askApproval(deps: ReceivingDeps, operator: Operator, candidate: Candidate, rule: ApprovalRule, said: Message): ScanFeedback {
  deps.session.pending = { kind: 'approval', candidate, rule, message: said };
  changed(deps, 'approval needed');
  refuse(deps, operator, rule, said, { itemId: candidate.itemId, qty: candidate.qty });
  return feedback.warning(W, rule, message('receiving.needsApproval', { problem: said }));
}

interface LineNow {
  lineNo: number;
  ordered: number;
  received: number;
  allowed: number;
}

function poLinesOfItem(deps: ReceivingDeps, receipt: ReceiptRow, item: Item): LineNow[] {
  if (receipt.poId === null) return [];
  const lines = deps.repo.poLines(receipt.poId).filter((l) => l.itemId === item.id);
  if (lines.length === 0) return [];
  const po = deps.repo.purchaseOrder(receipt.poId);
  const sitePct = deps.ctx.site().defaultOverReceiptTolerancePct;
  return lines.map((l) => ({
    lineNo: l.lineNo,
    ordered: l.ordered,
    received: deps.repo.receivedOnLine(receipt.id, l.lineNo),
    allowed: allowedQty(l.ordered, item.overReceiptTolerancePct, po?.tolerancePct ?? 0, sitePct),
  }));
}

/**
 * Decides on a candidate and, when it passes, receives it. `scanId` groups the lines of one action (a whole pallet)
 * so that undo takes them back together.
 */
export function decide(deps: ReceivingDeps, operator: Operator, candidate: Candidate, options: { scanId?: string } = {}): ScanFeedback {
  const receipt = requireReceipt(deps);
  const item = deps.repo.item(candidate.itemId);
  if (!item) throw notFound('errors.notFound', { document: candidate.itemId });
  if (!item.active)
    return refuse(deps, operator, 'inactive_item', message('receiving.inactiveItem', { sku: item.sku }), {
      itemId: item.id,
    });

  // Inspection is planned against a PO's supplier and lines; a receipt without PO is judged by its supervisor at close.
  const poSupplier = receipt.poId === null ? null : (deps.repo.purchaseOrder(receipt.poId)?.supplier ?? '');
  if (!candidate.inspected && poSupplier !== null && needsInspection(deps.ctx.site().inspection, item.id, poSupplier)) {
    // The scan's lot, expiry and serial travel on to the inspected units.
    keepForInspection(deps.session, candidate, item.serialTracked);
    changed(deps, 'kept for inspection');
    return feedback.needsInput(W, 'needs_inspection', message('inspection.required', { sku: item.sku }));
  }

  const qtyProblem = serialQuantityProblem(item, candidate.qty);
  if (qtyProblem) return refuse(deps, operator, 'serial_quantity', qtyProblem, { itemId: item.id, qty: candidate.qty });

  const missing = missingTracking(item, candidate);
  if (missing.length > 0) {
    deps.session.pending = { kind: 'tracking', candidate, needs: missing };
    changed(deps, 'tracking needed');
    return feedback.needsInput(W, 'needs_tracking', trackingPrompt(item.sku, missing));
  }

  if (candidate.expiry && (item.expiryTracked || item.minShelfLifeDays > 0)) {
    const life = checkShelfLife(candidate.expiry, today(deps), item.minShelfLifeDays);
    if (!life.ok && life.reason === 'expired') {
      deps.session.pending = null;
      return refuse(
        deps,
        operator,
        'expired',
        message('receiving.expired', { sku: item.sku, expiry: candidate.expiry, count: -life.remainingDays }),
        { itemId: item.id, expiry: candidate.expiry },
      );
    }
    if (!life.ok && !approved(candidate, 'short_shelf_life'))
      return askApproval(
        deps,
        operator,
        candidate,
        'short_shelf_life',
        message('receiving.shortShelfLife', { sku: item.sku, expiry: candidate.expiry, count: life.remainingDays, minDays: life.minDays }),
      );
  }

  if (candidate.serial) {
    const conflict = serialConflict(candidate.serial, receipt.id, deps.repo.serialSeen(item.id, candidate.serial));
    if (conflict) {
      deps.session.pending = null;
      return refuse(deps, operator, 'duplicate_serial', conflict, { itemId: item.id, serial: candidate.serial });
    }
  }

  const condition = deps.session.nextCondition;
  const conditionIssue = conditionProblem(condition.condition, condition.reason);
  if (conditionIssue) return refuse(deps, operator, 'condition_reason', conditionIssue);

  const line = pickPoLine(poLinesOfItem(deps, receipt, item));
  // Units on the PO line, and units past its tolerance that a supervisor approved (sent to the server as unexpected).
  let parts: { qty: number; beyond: boolean }[] = [{ qty: candidate.qty, beyond: false }];
  if (line) {
    const judged = judgeQuantity(line, candidate.qty);
    if (judged.kind === 'over_tolerance') {
      if (!approved(candidate, 'over_receipt')) {
        return askApproval(
          deps,
          operator,
          candidate,
          'over_receipt',
          message('receiving.overTolerance', {
            sku: item.sku,
            lineNo: line.lineNo,
            allowed: judged.allowed,
            ordered: line.ordered,
            received: line.received,
            count: candidate.qty,
            wouldBe: judged.wouldBe,
          }),
        );
      }
      parts = [
        { qty: judged.withinPart, beyond: false },
        { qty: candidate.qty - judged.withinPart, beyond: true },
      ].filter((p) => p.qty > 0);
    }
  }

  const holds = holdsCovering(deps.repo.holdsOfItem(item.id), item.id, candidate.lot);
  const onHold = receivedOnHold(condition.condition, holds.length > 0);
  const at = nowIso(deps);
  const scanId = options.scanId ?? randomUUID();
  const approvedBy = candidate.approvals.map((a) => a.by).join(',') || null;
  const reason =
    condition.reason ?? (approvedBy ? `approved by ${approvedBy}: ${candidate.approvals.map((a) => a.rule).join(', ')}` : null);

  deps.ctx.transaction(() => {
    for (const part of parts) {
      const row: NewLine = {
        receiptId: receipt.id,
        scanId,
        poLineNo: line?.lineNo ?? null,
        beyondTolerance: part.beyond,
        itemId: item.id,
        qty: part.qty,
        lot: candidate.lot,
        expiry: candidate.expiry,
        serial: candidate.serial,
        condition: condition.condition,
        reason,
        lpn: candidate.lpn === undefined ? receipt.currentLpn : candidate.lpn,
        onHold,
        source: candidate.source,
        barcode: candidate.barcode,
        approvedBy,
        at,
        operatorId: operator.id,
      };
      // A receipt without PO tells the server once, when a supervisor closed it (receipt.blind).
      const poId = receipt.poId;
      const op =
        poId === null
          ? undefined
          : syncOp('receipt.line', {
              receiptId: receipt.id,
              poId,
              asnId: receipt.asnId,
              poLineNo: part.beyond ? null : row.poLineNo,
              itemId: item.id,
              qty: part.qty,
              lot: row.lot,
              expiry: row.expiry,
              serial: row.serial,
              condition: row.condition,
              reason: row.reason?.slice(0, 200) ?? null,
              lpn: row.lpn,
              onHold,
            });
      const { value: lineId, opId } = deps.ctx.record(
        operator,
        { kind: 'receiving.line', payload: { ...row, holds: holds.map((h) => h.id) }, op },
        () => deps.repo.insertLine(row),
      );
      if (opId !== null) deps.repo.setLineOp(lineId, opId);
    }
  });

  deps.session.pending = null;
  deps.session.nextCondition = goodCondition();
  deps.session.unknownBarcode = null;
  changed(deps, 'received');

  const what = message(candidate.serial ? 'receiving.goodsWithSerial' : candidate.lot ? 'receiving.goodsWithLot' : 'receiving.goods', {
    count: candidate.qty,
    sku: item.sku,
    lot: candidate.lot ?? '',
    serial: candidate.serial ?? '',
  });
  if (holds.length > 0) {
    const why = holds.map((h) => h.reason).join('; ');
    deps.ctx.bus.emit('alert', {
      level: 'warning',
      message: message('receiving.heldAlert', { sku: item.sku, lot: candidate.lot ?? '', why }),
      workflow: W,
    });
    return feedback.warning(W, 'on_hold', message('receiving.receivedOnHold', { what, why }));
  }
  if (onHold)
    return feedback.warning(
      W,
      'on_hold',
      message('receiving.receivedDamagedOnHold', { what, condition: message(`condition.${condition.condition}`) }),
    );
  if (receipt.kind === 'blind')
    return feedback.accepted(W, message('receiving.receivedBlind', { what, supplier: receipt.supplierName ?? '' }));
  if (!line) return feedback.warning(W, 'unexpected_item', message('receiving.receivedNotOnPo', { what }));
  return feedback.accepted(
    W,
    message('receiving.receivedOnLine', { what, lineNo: line.lineNo, received: line.received + candidate.qty, ordered: line.ordered }),
  );
}

/** A supervisor approves the refused candidate waiting for approval; it is then decided again. */
export function approvePending(deps: ReceivingDeps, operator: Operator, supervisor: Operator): ScanFeedback {
  const pending = deps.session.pending;
  if (pending?.kind !== 'approval') return feedback.refused(W, 'nothing_pending', message('receiving.nothingAwaitsApproval'));
  deps.ctx.record(operator, {
    kind: 'receiving.approve',
    payload: { rule: pending.rule, supervisor: supervisor.id, itemId: pending.candidate.itemId, qty: pending.candidate.qty },
  });
  const candidate: Candidate = {
    ...pending.candidate,
    approvals: [...pending.candidate.approvals, { rule: pending.rule, by: supervisor.id }],
  };
  deps.session.pending = null;
  return decide(deps, operator, candidate);
}
