/**
 * Keyboard-wedge capture rules: scanners type 1-20 ms per key, people far slower.
 * A scan is a burst of keys, each within `burstKeyMs` of the one before, ending in the site's suffix key.
 */
export interface WedgeRules {
  /** Longest gap between two keys of one scan; per station, since scanners and their USB hubs differ. */
  burstKeyMs: number;
  /** Pause after a burst without the suffix that still ends a scan in the scan field. */
  endGapMs: number;
  /** Shortest scan data (after the prefix); shorter bursts are typing. */
  minLength: number;
  /** Characters the site's scanners send before the data, stripped; empty = none. */
  prefix: string;
  /** The key the site's scanners send after the data. */
  suffix: 'Enter' | 'Tab';
}

export const defaultWedgeRules: WedgeRules = { burstKeyMs: 40, endGapMs: 200, minLength: 4, prefix: '', suffix: 'Enter' };

/** Ctrl+] is how many wedge scanners type GS (FNC1). */
export const GS = '\u001d';

/** One key as the wedge detector sees it: the character it types (or its name) and when it came. */
export interface Keystroke {
  key: string;
  at: number;
}

export type BurstVerdict = { kind: 'scan'; data: string } | { kind: 'typing' };

/** True when every key came within `burstKeyMs` of the one before: the timing of a scanner, not of a hand. */
export function isScannerBurst(keyTimes: number[], rules: WedgeRules = defaultWedgeRules): boolean {
  if (keyTimes.length < rules.minLength) return false;
  for (let i = 1; i < keyTimes.length; i++) {
    if ((keyTimes[i] ?? 0) - (keyTimes[i - 1] ?? 0) > rules.burstKeyMs) return false;
  }
  return true;
}

/**
 * Decides whether the keys typed since the last pause, ending with the suffix key, were a scan.
 * `strokes` holds the data keys and, last, the suffix key; the suffix must follow as fast as the rest.
 */
export function classifyBurst(strokes: readonly Keystroke[], rules: WedgeRules = defaultWedgeRules): BurstVerdict {
  const last = strokes.at(-1);
  if (!last || last.key !== rules.suffix) return { kind: 'typing' };
  const dataKeys = strokes.slice(0, -1);
  if (dataKeys.some((s) => s.key.length !== 1)) return { kind: 'typing' };
  if (
    !isScannerBurst(
      strokes.map((s) => s.at),
      { ...rules, minLength: 2 },
    )
  )
    return { kind: 'typing' };
  let data = dataKeys.map((s) => s.key).join('');
  if (rules.prefix !== '') {
    if (!data.startsWith(rules.prefix)) return { kind: 'typing' };
    data = data.slice(rules.prefix.length);
  }
  if (data.trim().length < rules.minLength) return { kind: 'typing' };
  return { kind: 'scan', data };
}

/** The keys still part of the current burst once `key` arrives: a pause longer than `burstKeyMs` starts a new one. */
export function extendBurst(strokes: readonly Keystroke[], key: Keystroke, rules: WedgeRules = defaultWedgeRules): Keystroke[] {
  const previous = strokes.at(-1);
  if (!previous || key.at - previous.at > rules.burstKeyMs) return [key];
  return [...strokes, key];
}
