import type { z } from 'zod';
import { opPayloads, type OpKind } from '../../../../shared/sync-protocol';

/** A sync op whose payload was checked against the protocol: a bad one fails here, before anything is written. */
export function syncOp<K extends OpKind>(kind: K, payload: z.input<(typeof opPayloads)[K]>): { kind: K; payload: z.output<(typeof opPayloads)[K]> } {
  return { kind, payload: opPayloads[kind].parse(payload) as z.output<(typeof opPayloads)[K]> };
}
