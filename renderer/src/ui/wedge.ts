/**
 * Keyboard-wedge capture rules: scanners type 1-20 ms per key, people far slower.
 * A run of fast keys that stops without Enter for `endGapMs` counts as a finished scan.
 */
export interface WedgeRules {
  fastKeyMs: number;
  endGapMs: number;
  minLength: number;
}

export const defaultWedgeRules: WedgeRules = { fastKeyMs: 40, endGapMs: 200, minLength: 4 };

/** Ctrl+] is how many wedge scanners type GS (FNC1). */
export const GS = '\u001d';

export function isScannerBurst(keyTimes: number[], rules: WedgeRules = defaultWedgeRules): boolean {
  if (keyTimes.length < rules.minLength) return false;
  for (let i = 1; i < keyTimes.length; i++) {
    if ((keyTimes[i] ?? 0) - (keyTimes[i - 1] ?? 0) > rules.fastKeyMs) return false;
  }
  return true;
}
