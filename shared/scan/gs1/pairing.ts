/**
 * The dictionary's pairing rules: `req=` (an AI needs one of the listed AIs or AI groups with it)
 * and `ex=` (an AI may not appear with the listed ones). GS1 evaluates them over all the data of one
 * physical item, which may be spread over several barcodes.
 */
import { aiEntry, matchesPattern } from './ai-table';

function shown(pattern: string): string {
  return pattern.includes('n') ? `(${pattern.replace(/n/g, 'x')})` : `(${pattern})`;
}

function listed(options: readonly string[]): string {
  return options.length === 1 ? (options[0] ?? '') : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1] ?? ''}`;
}

function present(ais: readonly string[], pattern: string): boolean {
  return ais.some((ai) => matchesPattern(ai, pattern));
}

/**
 * Why the AIs of one item break a pairing rule, or undefined when they keep all of them.
 * `exclusionsOnly` checks `ex=` alone, for data that is one of several labels of the item.
 */
export function pairingError(ais: readonly string[], exclusionsOnly = false): string | undefined {
  const distinct = ais.filter((ai, i) => ais.indexOf(ai) === i);
  for (const ai of distinct) {
    const entry = aiEntry(ai);
    if (!entry) continue;
    for (const pattern of entry.excludes) {
      const other = distinct.find((candidate) => candidate !== ai && matchesPattern(candidate, pattern));
      if (other !== undefined) return `AI ${ai} (${entry.title}) may not appear with AI ${other}`;
    }
  }
  if (exclusionsOnly) return undefined;
  for (const ai of distinct) {
    const entry = aiEntry(ai);
    if (!entry) continue;
    for (const rule of entry.requires) {
      if (rule.some((group) => group.every((pattern) => present(distinct, pattern)))) continue;
      const options = rule.map((group) => group.map(shown).join(' with '));
      return `AI ${ai} (${entry.title}) needs ${listed(options)} with it`;
    }
  }
  return undefined;
}

/** Pairing over several scans of one item (e.g. a GTIN label and a separate lot/expiry label). */
export function itemPairingError(scans: readonly (readonly { ai: string }[])[]): string | undefined {
  return pairingError(scans.flatMap((elements) => elements.map((e) => e.ai)));
}
