import type { receivingCommands } from '../../../shared/contract/receiving';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { WeightReading } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import type { ReceivingAction } from '../../../shared/domain/receiving';
import { message } from '../../../shared/messages';
import { readExpiry } from '../../../shared/rules/shelf-life';
import { isValidGtin, normalizeGtin } from '../../../shared/scan';
import type { StationContext } from '../context';
import { toGrams } from '../devices';
import { conflict, notFound, ruleError, StationError } from '../kernel/errors';
import type { CallContext, HandlersFor } from '../kernel/handlers';
import { approvalFrom, approvingSupervisor, feedback, type WorkflowModule } from '../session';
import { approvePending, decide, refuse } from './accept';
import { openBlindReceipt, supplierList } from './blind';
import { closePreview, closeReceipt } from './close';
import { activeReceipt, changed, type ReceivingDeps, requireReceipt, today } from './deps';
import { planPutaway, printLpnLabel, putAwayLpn, readScale, requireLpn, splitLpn, startLpn, undoPutaway, weighLpn } from './lpn';
import { openReceipt, requireReference } from './open';
import { dropPalletOffer, receiveWholePallet } from './pallet';
import type { ReceivingRepo } from './repo';
import { fillPending, onReceivingScan } from './scan';
import { type Candidate, createSession, type ScannedTracking } from './session';
import { undoLastScan } from './undo';
import { purchaseOrderList, receiptView } from './views';
import { countByWeight } from './weight-count';

export interface ReceivingModule {
  handlers: HandlersFor<keyof typeof receivingCommands>;
  workflow: WorkflowModule;
  /** The open receipt and its PO's supplier, for the inspection at receipt; null when none is open. */
  openReceipt(): { receiptId: string; poId: string; supplier: string } | null;
  /**
   * Receives inspected units of an item: passed ones good onto the current LPN, failed ones to quarantine with the reason and
   * on no LPN; the bench's next condition stays.
   */
  receiveInspected(
    operator: Operator,
    itemId: string,
    qty: number,
    condition: 'good' | 'quarantine',
    reason: string | null,
    tracking: ScannedTracking | null,
  ): ScanFeedback;
  /** The scans of an item that asked for its inspection (lot, expiry, serial as read), oldest first. */
  scannedForInspection(itemId: string): ScannedTracking[];
  /** Forgets the scans of an item once its inspection is recorded. */
  inspectionDone(itemId: string): void;
}

function operatorOf(call: CallContext): Operator {
  if (!call.operator) throw new StationError('not_signed_in', message('session.signInFirst'));
  return call.operator;
}

function expiryOf(deps: ReceivingDeps, text: string | undefined): string | null {
  if (text === undefined) return null;
  const read = readExpiry(text, today(deps));
  if (!read.ok) throw ruleError('receiving.badExpiry', { text: text.slice(0, 30) });
  return read.iso;
}

/** The receiving bench: receipts against POs/ASNs, checks, license plates, putaway, close. */
export function createReceiving(ctx: StationContext, repo: ReceivingRepo): ReceivingModule {
  const deps: ReceivingDeps = { ctx, repo, session: createSession() };
  const currentView = () => {
    const receipt = activeReceipt(deps);
    return receipt ? receiptView(deps, receipt.id) : null;
  };
  /** Actions on goods answer like scans: the banner and the sound show the decision. */
  const answer = (fb: ScanFeedback, what: string, weighing?: ReceivingAction['weighing']): ReceivingAction => {
    ctx.bus.emit('scan.result', { ...fb, data: what });
    return { feedback: fb, receipt: currentView(), ...(weighing ? { weighing } : {}) };
  };
  const requireItem = (itemId: string) => {
    const item = deps.repo.item(itemId);
    if (!item) throw notFound('errors.notFound', { document: itemId });
    return item;
  };

  ctx.busy.register('receiving', () => {
    const receipt = activeReceipt(deps);
    return receipt ? `the receipt of ${receipt.poId ?? receipt.supplierName} is open` : null;
  });

  return {
    workflow: { workflow: 'receiving', onScan: (scan, operator) => onReceivingScan(deps, scan, operator) },
    openReceipt: () => {
      // Only a receipt against a PO is inspected (see accept.ts).
      const receipt = activeReceipt(deps);
      if (!receipt || receipt.poId === null) return null;
      return { receiptId: receipt.id, poId: receipt.poId, supplier: repo.purchaseOrder(receipt.poId)?.supplier ?? '' };
    },
    scannedForInspection: (itemId) =>
      (deps.session.awaitingInspection.get(itemId) ?? []).map((c) => ({ lot: c.lot, expiry: c.expiry, serial: c.serial })),
    inspectionDone: (itemId) => {
      deps.session.awaitingInspection.delete(itemId);
    },
    receiveInspected: (operator, itemId, qty, condition, reason, tracking) => {
      const next = deps.session.nextCondition;
      deps.session.nextCondition = { ...next, condition, reason };
      try {
        const candidate: Candidate = {
          itemId,
          qty,
          lot: tracking?.lot ?? null,
          expiry: tracking?.expiry ?? null,
          serial: tracking?.serial ?? null,
          source: tracking ? 'scan' : 'typed',
          barcode: null,
          ais: [],
          approvals: [],
          inspected: true,
          // Failed units stay at the dock on hold: they never share a license plate with the units that go on to putaway.
          ...(condition === 'quarantine' ? { lpn: null } : {}),
        };
        return decide(deps, operator, candidate);
      } finally {
        deps.session.nextCondition = next;
      }
    },
    handlers: {
      'receiving.purchaseOrders': () => purchaseOrderList(deps),
      'receiving.open': ({ reference }, call) => {
        const receipt = openReceipt(deps, operatorOf(call), requireReference(deps, reference));
        return receiptView(deps, receipt.id);
      },
      'receiving.current': () => currentView(),
      'receiving.suppliers': () => supplierList(deps),
      'receiving.blind.open': ({ supplierId }, call) => {
        const { answer: opened, receipt } = openBlindReceipt(deps, operatorOf(call), supplierId);
        return answer(opened, receipt.supplierName ?? supplierId);
      },
      'receiving.pallet.receive': async ({ sscc }, call) => {
        const operator = operatorOf(call);
        requireReceipt(deps);
        return answer(await receiveWholePallet(deps, operator, sscc), sscc ?? deps.session.pallet?.sscc ?? 'pallet');
      },
      'receiving.pallet.drop': (_input, call) => {
        const receipt = requireReceipt(deps);
        dropPalletOffer(deps, operatorOf(call));
        return receiptView(deps, receipt.id);
      },
      'receiving.receive': ({ itemId, qty, lot, expiry, serial }, call) => {
        const operator = operatorOf(call);
        requireReceipt(deps);
        if (!ctx.site().allowQuantityKeys) throw ruleError('receiving.quantityKeysOff');
        const item = requireItem(itemId);
        const candidate: Candidate = {
          itemId: item.id,
          qty,
          lot: lot ?? null,
          expiry: expiryOf(deps, expiry),
          serial: serial ?? null,
          source: 'typed',
          barcode: null,
          ais: [],
          approvals: [],
        };
        return answer(decide(deps, operator, candidate), `${qty} × ${item.sku}`);
      },
      'receiving.weighCount': async ({ itemId, tareKg, lot, expiry }, call) => {
        const operator = operatorOf(call);
        requireReceipt(deps);
        const item = requireItem(itemId);
        const expiryIso = expiryOf(deps, expiry);
        let reading: WeightReading;
        try {
          reading = await readScale(deps);
        } catch (error) {
          return answer(
            refuse(deps, operator, 'scale', message('receiving.scaleNoSteadyWeight'), {
              itemId,
              error: error instanceof Error ? error.message : String(error),
            }),
            `weigh ${item.sku}`,
          );
        }
        const counted = countByWeight(reading, item.unitWeightG, tareKg * 1000);
        const grossG = toGrams(reading.value, reading.unit);
        const netG = grossG - tareKg * 1000;
        const weighing = { grossKg: grossG / 1000, netKg: netG / 1000, exactUnits: item.unitWeightG > 0 ? netG / item.unitWeightG : null };
        if (!counted.ok)
          return answer(
            refuse(deps, operator, counted.reason, message('receiving.itemProblem', { sku: item.sku, problem: counted.message }), {
              itemId,
              reading,
            }),
            `weigh ${item.sku}`,
            weighing,
          );
        const candidate: Candidate = {
          itemId: item.id,
          qty: counted.count,
          lot: lot ?? null,
          expiry: expiryIso,
          serial: null,
          source: 'weight',
          barcode: null,
          ais: [],
          approvals: [],
        };
        return answer(decide(deps, operator, candidate), `${counted.count} × ${item.sku} by weight`, weighing);
      },
      'receiving.provide': ({ lot, expiry, serial }, call) => {
        const operator = operatorOf(call);
        requireReceipt(deps);
        const fill = {
          ...(lot ? { lot } : {}),
          ...(serial ? { serial } : {}),
          ...(expiry ? { expiry: expiryOf(deps, expiry) ?? undefined } : {}),
        };
        const fb =
          fillPending(deps, operator, fill) ?? feedback.refused('receiving', 'nothing_pending', message('receiving.nothingPending'));
        return answer(fb, [lot, expiry, serial].filter(Boolean).join(' '));
      },
      'receiving.approve': ({ badge, pin, scanned }, call) => {
        const operator = operatorOf(call);
        requireReceipt(deps);
        const supervisor = approvingSupervisor(ctx, 'receiving.pending', approvalFrom({ badge, pin, scanned }));
        return answer(approvePending(deps, operator, supervisor), `approved by ${supervisor.name}`);
      },
      'receiving.cancelPending': (_input, call) => {
        const receipt = requireReceipt(deps);
        const dropped = deps.session.pending;
        if (dropped) {
          ctx.record(operatorOf(call), {
            kind: 'receiving.pending.dropped',
            payload: { receiptId: receipt.id, kind: dropped.kind, itemId: dropped.candidate.itemId, qty: dropped.candidate.qty },
          });
        }
        deps.session.pending = null;
        changed(deps, 'pending cancelled');
        return receiptView(deps, receipt.id);
      },
      'receiving.setCondition': ({ condition, reason }, call) => {
        const operator = operatorOf(call);
        const receipt = requireReceipt(deps);
        const setting = {
          condition,
          reason: condition === 'good' ? null : (reason ?? null),
        };
        ctx.record(operator, { kind: 'receiving.condition', payload: { receiptId: receipt.id, ...setting } });
        deps.session.nextCondition = setting;
        changed(deps, 'condition');
        return setting;
      },
      'receiving.linkBarcode': ({ code, itemId, packQty, supervisorBadge, supervisorPin, supervisorScanned }, call) => {
        const operator = operatorOf(call);
        const approval = approvalFrom({ badge: supervisorBadge, pin: supervisorPin, scanned: supervisorScanned });
        const supervisor = approvingSupervisor(ctx, 'receiving.linkBarcode', approval);
        const item = requireItem(itemId);
        const normalized = /^\d+$/.test(code) && isValidGtin(code) ? normalizeGtin(code) : code;
        const taken = deps.repo.barcode(normalized);
        if (taken)
          throw conflict('receiving.barcodeTaken', { code: normalized, item: deps.repo.item(taken.itemId)?.description ?? taken.itemId });
        ctx.record(
          operator,
          {
            kind: 'receiving.barcode.link',
            payload: { code: normalized, itemId: item.id, packQty, supervisor: supervisor.id },
            op: { kind: 'item.barcode.link', payload: { itemId: item.id, code: normalized, packQty, linkedBy: supervisor.id } },
          },
          () => deps.repo.insertBarcode(normalized, item.id, packQty),
        );
        if (deps.session.unknownBarcode === code || deps.session.unknownBarcode === normalized) deps.session.unknownBarcode = null;
        changed(deps, 'barcode linked');
        return { code: normalized, itemId: item.id, packQty };
      },
      'receiving.undo': (_input, call) => answer(undoLastScan(deps, operatorOf(call)), 'undo'),
      'receiving.lpn.start': ({ container, label }, call) => startLpn(deps, operatorOf(call), container, label),
      'receiving.lpn.undoPutaway': ({ lpn }, call) => answer(undoPutaway(deps, operatorOf(call), lpn), `undo putaway ${lpn}`),
      'receiving.lpn.split': ({ lpn, itemId, lot, onHold, qty, container }, call) => {
        const split = splitLpn(deps, operatorOf(call), { lpn, itemId, lot, onHold, qty, container });
        return answer(split.feedback, `${qty} × ${itemId} → ${split.lpn}`);
      },
      'receiving.lpn.weigh': ({ lpn }, call) => weighLpn(deps, operatorOf(call), lpn),
      'receiving.lpn.print': ({ lpn, label, reprintReason }, call) => printLpnLabel(deps, operatorOf(call), lpn, label, reprintReason),
      'receiving.lpn.suggest': ({ lpn }) => planPutaway(deps, requireLpn(deps, requireReceipt(deps), lpn)),
      'receiving.lpn.putaway': ({ lpn, location, supervisorBadge, supervisorPin, supervisorScanned }, call) =>
        putAwayLpn(
          deps,
          operatorOf(call),
          lpn,
          location,
          approvalFrom({ badge: supervisorBadge, pin: supervisorPin, scanned: supervisorScanned }),
        ),
      'receiving.closePreview': () => closePreview(deps),
      'receiving.close': ({ supervisorBadge, supervisorPin, supervisorScanned, printReport }, call) =>
        closeReceipt(
          deps,
          operatorOf(call),
          approvalFrom({ badge: supervisorBadge, pin: supervisorPin, scanned: supervisorScanned }),
          printReport,
        ),
    },
  };
}
