/** Look-ups into the AI table generated from GS1's Barcode Syntax Dictionary. */
import { AI_TABLE } from './ai-table.generated';
import type { AiEntry } from './dictionary';

export type { AiComponent, AiEntry, ComponentType } from './dictionary';

const BY_AI: ReadonlyMap<string, AiEntry> = new Map(AI_TABLE.map((entry) => [entry.ai, entry]));

export function aiEntry(ai: string): AiEntry | undefined {
  return BY_AI.get(ai);
}

/** The entry of the AI that starts `data` at `pos` (GS1 AIs are prefix-free), or undefined. */
export function aiAt(data: string, pos: number): AiEntry | undefined {
  return BY_AI.get(data.slice(pos, pos + 2)) ?? BY_AI.get(data.slice(pos, pos + 3)) ?? BY_AI.get(data.slice(pos, pos + 4));
}

export function allAis(): readonly AiEntry[] {
  return AI_TABLE;
}

/** Shortest and longest data an AI takes. */
export function lengthRange(entry: AiEntry): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const component of entry.components) {
    if (!component.optional) min += component.min;
    max += component.max;
  }
  return { min, max };
}

/** Lengths a value may have: the mandatory part, then each optional component added in turn. */
export function validLengths(entry: AiEntry): { fixed: number[] } | { min: number; max: number } {
  const last = entry.components[entry.components.length - 1];
  if (last && last.min !== last.max) return lengthRange(entry);
  const fixed: number[] = [];
  let total = 0;
  for (const component of entry.components) {
    if (component.optional && !fixed.includes(total)) fixed.push(total);
    total += component.max;
  }
  fixed.push(total);
  return { fixed };
}

/** True for AIs matched by a dictionary pattern such as "310n" or "31nn" (an "n" stands for any digit). */
export function matchesPattern(ai: string, pattern: string): boolean {
  if (ai.length !== pattern.length) return false;
  for (let i = 0; i < ai.length; i += 1) {
    const p = pattern.charAt(i);
    if (p !== 'n' && p !== ai.charAt(i)) return false;
  }
  return true;
}

/** GS1 identification keys: Digital Link primary keys, and the keys with a check digit such as (02) or (410). */
export function isIdentificationKey(ai: string): boolean {
  const entry = BY_AI.get(ai);
  return entry !== undefined && (entry.dlPrimaryKey !== undefined || (entry.components[0]?.linters.includes('csum') ?? false));
}

const AI_LENGTH_BY_PREFIX: ReadonlyMap<string, number> = new Map(AI_TABLE.map((entry) => [entry.ai.slice(0, 2), entry.ai.length]));

/** Length of the AIs that start with these two digits (the same for all of them), or undefined when none does. */
export function aiLengthForPrefix(prefix: string): number | undefined {
  return AI_LENGTH_BY_PREFIX.get(prefix);
}
