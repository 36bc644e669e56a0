/**
 * Inspection at receipt: items and suppliers the ERP flagged go through the site's checklist unit by unit. Passed
 * units are received good and go on to putaway; failed units are received onto hold with the reason; one failed unit
 * never blocks the others. The photo comes from the station's camera (or is left out) and travels with the record.
 */
import { uuidv7 } from 'uuidv7';
import type { inspectionCommands } from '../../../shared/contract/counts';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import { message } from '../../../shared/messages';
import { judgeUnit, needsInspection } from '../../../shared/rules/inspection';
import type { InspectionUnitResult } from '../../../shared/sync-protocol';
import type { StationContext } from '../context';
import { notFound, ruleError, StationError } from '../kernel/errors';
import type { CallContext, HandlersFor } from '../kernel/handlers';
import type { ReceivingModule } from '../receiving';
import { feedback } from '../session';
import { syncOp } from '../storage/sync-op';
import type { InspectionRepo } from './repo';

export interface InspectionModule {
  handlers: HandlersFor<keyof typeof inspectionCommands>;
}

function operatorOf(call: CallContext): Operator {
  if (!call.operator) throw new StationError('not_signed_in', message('session.signInFirst'));
  return call.operator;
}

export function createInspection(
  ctx: StationContext,
  repo: InspectionRepo,
  receiving: Pick<ReceivingModule, 'openReceipt' | 'receiveInspected' | 'scannedForInspection' | 'inspectionDone'>,
): InspectionModule {
  const requireReceipt = () => {
    const receipt = receiving.openReceipt();
    if (!receipt) throw ruleError('receiving.noReceipt');
    return receipt;
  };
  const requireItem = (itemId: string) => {
    const item = repo.item(itemId);
    if (!item) throw notFound('errors.notFound', { document: itemId });
    return item;
  };

  return {
    handlers: {
      'inspection.pending': () => {
        const receipt = receiving.openReceipt();
        const plan = ctx.site().inspection;
        if (!receipt || !plan) return [];
        return repo
          .poItems(receipt.poId)
          .filter((i) => needsInspection(plan, i.itemId, receipt.supplier))
          .map((i) => ({
            itemId: i.itemId,
            sku: i.sku,
            description: i.description,
            open: Math.max(0, i.ordered - repo.received(receipt.receiptId, i.itemId)),
          }))
          .filter((i) => i.open > 0);
      },
      'inspection.plan': ({ itemId }) => {
        const receipt = requireReceipt();
        const item = requireItem(itemId);
        const plan = ctx.site().inspection;
        return {
          required: needsInspection(plan, item.id, receipt.supplier),
          itemId: item.id,
          sku: item.sku,
          description: item.description,
          serialTracked: item.serialTracked,
          scanned: receiving.scannedForInspection(item.id),
          checklist: (plan?.checklist ?? []).map((q) =>
            q.kind === 'check'
              ? { id: q.id, kind: q.kind, label: q.label, unit: null, min: null, max: null }
              : { id: q.id, kind: q.kind, label: q.label, unit: q.unit, min: q.min, max: q.max },
          ),
        };
      },
      'inspection.receiptPhoto': ({ condition, reason, photo }, call) => {
        const operator = operatorOf(call);
        const receipt = requireReceipt();
        const photoId = `PHOTO-${uuidv7()}`;
        const op = syncOp('receipt.photo', {
          photoId,
          receiptId: receipt.receiptId,
          poId: receipt.poId,
          condition,
          reason: reason || null,
          photo,
        });
        const at = ctx.clock.now().toISOString();
        ctx.record(
          operator,
          { kind: 'receiving.photo', payload: { photoId, receiptId: receipt.receiptId, condition, reason: reason || null }, op },
          () =>
            repo.insertPhoto({
              id: photoId,
              receiptId: receipt.receiptId,
              condition,
              reason: reason || null,
              photo: Buffer.from(photo.base64, 'base64'),
              photoMime: photo.mime,
              operatorId: operator.id,
              at,
            }),
        );
        return { photoId };
      },
      'inspection.record': ({ itemId, units, photo }, call) => {
        const operator = operatorOf(call);
        const receipt = requireReceipt();
        const item = requireItem(itemId);
        const plan = ctx.site().inspection;
        if (!plan || !needsInspection(plan, item.id, receipt.supplier)) throw ruleError('inspection.notRequired', { sku: item.sku });
        // The units are received with what their scans read: a serial-tracked item is inspected unit by scanned serial.
        const scanned = receiving.scannedForInspection(item.id);
        if (item.serialTracked) {
          if (scanned.length === 0) throw ruleError('inspection.scanSerials', { sku: item.sku });
          if (units.length !== scanned.length) throw ruleError('inspection.unitPerSerial', { sku: item.sku, count: scanned.length });
        }
        const labels = new Map(plan.checklist.map((q) => [q.id, q.label]));
        const results: InspectionUnitResult[] = units.map((unit, index) => {
          const verdict = judgeUnit(plan.checklist, unit.answers);
          const failed = verdict.failures.map((f) => f.questionId);
          const reason = verdict.passed
            ? null
            : failed
                .map((id) => labels.get(id) ?? id)
                .join(', ')
                .slice(0, 200);
          return { unitNo: index + 1, passed: verdict.passed, failed, reason };
        });
        const inspectionId = `INSP-${uuidv7()}`;
        const op = syncOp('inspection.record', {
          inspectionId,
          receiptId: receipt.receiptId,
          poId: receipt.poId,
          itemId: item.id,
          units: results,
          answers: units.map((u) => u.answers),
          photo,
        });
        const at = ctx.clock.now().toISOString();
        ctx.record(
          operator,
          { kind: 'inspection.record', payload: { inspectionId, itemId: item.id, units: results, photo: photo !== null }, op },
          () =>
            repo.insert({
              id: inspectionId,
              receiptId: receipt.receiptId,
              itemId: item.id,
              units: results,
              photo: photo ? Buffer.from(photo.base64, 'base64') : null,
              photoMime: photo?.mime ?? null,
              operatorId: operator.id,
              at,
            }),
        );
        const passed = results.filter((r) => r.passed).length;
        const failedUnits = results.filter((r) => !r.passed);
        // Each group on its own: a refusal of the held units (or of the passed ones) leaves the other group received.
        const answers: ScanFeedback[] = [];
        if (item.serialTracked) {
          // Each unit on its own with its serial: passed ones good, failed ones to hold with their reason.
          results.forEach((r, index) => {
            const tracking = scanned[index] ?? null;
            answers.push(
              r.passed
                ? receiving.receiveInspected(operator, item.id, 1, 'good', null, tracking)
                : receiving.receiveInspected(operator, item.id, 1, 'quarantine', r.reason, tracking),
            );
          });
        } else {
          // The latest scan's lot and expiry are the inspected units' (none when nothing was scanned).
          const tracking = scanned.at(-1) ?? null;
          if (passed > 0) answers.push(receiving.receiveInspected(operator, item.id, passed, 'good', null, tracking));
          const byReason = new Map<string, number>();
          for (const u of failedUnits) byReason.set(u.reason ?? '', (byReason.get(u.reason ?? '') ?? 0) + 1);
          for (const [reason, qty] of byReason)
            answers.push(receiving.receiveInspected(operator, item.id, qty, 'quarantine', reason || null, tracking));
        }
        receiving.inspectionDone(item.id);
        const notTaken = answers.find((a) => a.outcome === 'refused' || a.outcome === 'needs_input');
        const fb =
          notTaken ??
          (failedUnits.length > 0
            ? feedback.warning(
                'receiving',
                'inspection_failed',
                message('inspection.recordedWithHold', { passed, count: failedUnits.length, sku: item.sku }),
              )
            : feedback.accepted('receiving', message('inspection.recorded', { passed, sku: item.sku })));
        ctx.bus.emit('scan.result', { ...fb, data: `inspect ${item.sku}` });
        return { feedback: fb, inspectionId, passed, failed: failedUnits.length };
      },
    },
  };
}
