import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import { message } from '../../../shared/messages';
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
  if (!first) return feedback.refused('receiving', 'nothing_to_undo', message('receiving.nothingToUndo'));
  const moved = lines.find((l) => l.movedFrom !== null);
  if (moved) return refuse(deps, operator, 'moved', message('receiving.undoMoved', { lpn: moved.movedFrom ?? '' }), { lineId: moved.id });
  const placed = lines.map((l) => (l.lpn ? deps.repo.lpn(l.lpn) : undefined)).find((p) => p?.location);
  if (placed) {
    return refuse(
      deps,
      operator,
      'already_put_away',
      message('receiving.undoPutAway', { lpn: placed.lpn, location: placed.location ?? '' }),
    );
  }
  const at = nowIso(deps);
  deps.ctx.transaction(() => {
    for (const line of lines) {
      const payload = { receiptId: receipt.id, lineId: line.id, undoesOpId: line.opId, itemId: line.itemId, qty: line.qty };
      // A receipt without PO has told the server nothing yet: its lines go with its close, the undone ones left out.
      if (receipt.kind === 'blind') {
        deps.ctx.record(operator, { kind: 'receiving.undo', payload }, () => deps.repo.undoLine(line.id, at, operator.id, null));
        continue;
      }
      if (!line.opId) throw new Error(`receipt line ${line.id} has no op id`);
      const op = syncOp('receipt.undo', { receiptId: receipt.id, undoesOpId: line.opId });
      const { opId } = deps.ctx.record(operator, { kind: 'receiving.undo', payload, op });
      deps.repo.undoLine(line.id, at, operator.id, opId);
    }
  });
  deps.session.pending = null;
  changed(deps, 'undone');
  const qty = lines.reduce((s, l) => s + l.qty, 0);
  const sku = itemLookup(deps)(first.itemId)?.sku ?? first.itemId;
  const what = message(first.serial ? 'receiving.goodsWithSerial' : first.lot ? 'receiving.goodsWithLot' : 'receiving.goods', {
    count: qty,
    sku,
    lot: first.lot ?? '',
    serial: first.serial ?? '',
  });
  return feedback.accepted('receiving', message('receiving.undone', { what }));
}
