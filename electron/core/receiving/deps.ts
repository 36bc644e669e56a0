import { localIsoDate } from '../../../shared/rules/shelf-life';
import type { StationContext } from '../context';
import { ruleError } from '../kernel/errors';
import type { ReceiptRow, ReceivingRepo } from './repo';
import { type ReceivingSession, resetSession } from './session';

/** What every part of the receiving workflow works with: the station, the receiving tables, the bench's session. */
export interface ReceivingDeps {
  ctx: StationContext;
  repo: ReceivingRepo;
  session: ReceivingSession;
}

const ACTIVE_KEY = 'receiving.active_receipt';

export const nowIso = (deps: ReceivingDeps): string => deps.ctx.clock.now().toISOString();
export const today = (deps: ReceivingDeps): string => localIsoDate(deps.ctx.clock.now());

/** The receipt the bench works on; restored from the cache after a restart. */
export function activeReceipt(deps: ReceivingDeps): ReceiptRow | null {
  const id = deps.session.receiptId ?? deps.ctx.meta.get(ACTIVE_KEY) ?? null;
  const receipt = id ? deps.repo.receipt(id) : undefined;
  if (receipt?.status !== 'open') {
    if (deps.session.receiptId !== null) resetSession(deps.session, null);
    return null;
  }
  if (deps.session.receiptId !== receipt.id) resetSession(deps.session, receipt.id);
  return receipt;
}

export function requireReceipt(deps: ReceivingDeps): ReceiptRow {
  const receipt = activeReceipt(deps);
  if (!receipt) throw ruleError('receiving.noReceipt');
  return receipt;
}

/** Makes a receipt the bench's (or none); call inside the transaction that opens or closes it. */
export function setActiveReceipt(deps: ReceivingDeps, receiptId: string | null): void {
  if (receiptId) deps.ctx.meta.set(ACTIVE_KEY, receiptId);
  else deps.ctx.meta.delete(ACTIVE_KEY);
  resetSession(deps.session, receiptId);
}

export function changed(deps: ReceivingDeps, reason: string): void {
  deps.ctx.bus.emit('workflow.changed', { workflow: 'receiving', reason });
}
