import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import { feedback } from '../session';
import { syncOp } from '../storage/sync-op';
import { refuse } from './accept';
import { changed, nowIso, type ReceivingDeps, requireReceipt } from './deps';
import { itemLookup } from './views';

/** Takes back the last received scan of the open receipt: each of its lines gets a `receipt.undo` op. */
export function undoLastScan(deps: ReceivingDeps, operator: Operator): ScanFeedback {
  const receipt = requireReceipt(deps);
  const lines = deps.repo.lastScan(receipt.id);
  const first = lines[0];
  if (!first) return feedback.info('receiving', 'Nothing to undo in this receipt.');
  const placed = lines.map((l) => (l.lpn ? deps.repo.lpn(l.lpn) : undefined)).find((p) => p?.location);
  if (placed) {
    return refuse(
      deps,
      operator,
      'already_put_away',
      `The last scan is on ${placed.lpn}, already put away to ${placed.location ?? ''}: it cannot be undone here.`,
    );
  }
  const at = nowIso(deps);
  deps.ctx.transaction(() => {
    for (const line of lines) {
      if (!line.opId) throw new Error(`receipt line ${line.id} has no op id`);
      const op = syncOp('receipt.undo', { receiptId: receipt.id, undoesOpId: line.opId });
      const { opId } = deps.ctx.record(operator, {
        kind: 'receiving.undo',
        payload: { receiptId: receipt.id, lineId: line.id, undoesOpId: line.opId, itemId: line.itemId, qty: line.qty },
        op,
      });
      deps.repo.undoLine(line.id, at, operator.id, opId);
    }
  });
  deps.session.pending = null;
  changed(deps, 'undone');
  const qty = lines.reduce((s, l) => s + l.qty, 0);
  const sku = itemLookup(deps)(first.itemId)?.sku ?? first.itemId;
  return feedback.good(
    'receiving',
    `Undone: ${qty} × ${sku}${first.lot ? ` lot ${first.lot}` : ''}${first.serial ? ` serial ${first.serial}` : ''}.`,
  );
}
