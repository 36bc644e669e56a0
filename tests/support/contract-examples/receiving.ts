import type { receivingCommands } from '../../../shared/contract/receiving';

export const receivingExamples: Record<keyof typeof receivingCommands, { valid: unknown; invalid: unknown }> = {};
