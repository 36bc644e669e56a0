import type { z } from 'zod';
import { message } from '../../../shared/messages';
import { type OpKind, opPayloads } from '../../../shared/sync-protocol';
import { StationError } from '../kernel/errors';

/** A sync op of any kind, its payload as the protocol parsed it. */
export type SyncOp = { [K in OpKind]: { kind: K; payload: z.output<(typeof opPayloads)[K]> } }[OpKind];

/**
 * A sync op checked against the protocol before it is recorded: the server's ledger is built from these,
 * so an op that would not validate there is refused here, before anything changes.
 */
export function syncOp<K extends OpKind>(
  kind: K,
  payload: z.input<(typeof opPayloads)[K]>,
): { kind: K; payload: z.output<(typeof opPayloads)[K]> } {
  const checked = opPayloads[kind].safeParse(payload);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => `${i.path.join('.') || kind}: ${i.message}`).join('; ');
    throw new StationError('rule', message('errors.notForServer', { detail: `${kind}: ${issues}` }));
  }
  return { kind, payload: checked.data as z.output<(typeof opPayloads)[K]> };
}
