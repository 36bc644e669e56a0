import type { packingCommands } from '../../../shared/contract/packing';

export const packingExamples: Record<keyof typeof packingCommands, { valid: unknown; invalid: unknown }> = {};
