/**
 * GS1 Digital Link URIs -> GS1 elements. Any host and any path prefix before the primary key:
 * `https://id.gs1.org/01/09506000134352/10/ABC123?17=201225`, `https://shop.example/p/gtin/9506000134352/lot/ABC123`.
 * Path: primary key, then its key qualifiers in order; query: data attributes by numeric AI
 * (other query parameters such as `linkType` are not GS1 data and are ignored).
 * Compressed Digital Link URIs are not read (they come out as plain URLs).
 */
import { checkElements, type Gs1Result } from './gs1';
import type { RawElement } from './gs1-syntax';

/** Short names the Digital Link standard allows in place of numeric AIs. */
const SHORT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  gtin: '01', itip: '8006', cpv: '22', lot: '10', ser: '21', sscc: '00', gln: '414', glnx: '254',
  party: '417', payto: '415', gdti: '253', gcn: '255', ginc: '401', gsin: '402', grai: '8003',
  giai: '8004', cpid: '8010', cpsn: '8011', gmn: '8013', gsrnp: '8017', gsrn: '8018', srin: '8019',
  exp: '17', expdt: '7003',
});

/** Primary keys a Digital Link path may carry, with their key qualifiers in the order they must appear. */
const PRIMARY_KEYS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '01': ['22', '10', '21'], '8006': ['22', '10', '21'], '00': [], '414': ['254'], '415': ['8020'], '417': [],
  '253': [], '255': [], '401': [], '402': [], '8003': [], '8004': [], '8010': ['8011'], '8013': [],
  '8017': ['8019'], '8018': ['8019'],
});

const NUMERIC_AI = /^\d{2,4}$/;
const HTTP_URI = /^https?:\/\//i;

function aiOf(key: string): string | undefined {
  if (NUMERIC_AI.test(key)) return key;
  return SHORT_NAMES[key];
}

export function looksLikeUri(text: string): boolean {
  return HTTP_URI.test(text);
}

type PathResult = { ok: true; elements: RawElement[] } | { ok: false; error: string } | undefined;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function readPath(pathname: string): PathResult {
  const segments = pathname.split('/').filter((s) => s !== '');
  const start = segments.findIndex((s, i) => i + 1 < segments.length && PRIMARY_KEYS[aiOf(s) ?? ''] !== undefined);
  if (start === -1) return undefined;
  const primary = aiOf(segments[start] ?? '') ?? '';
  const qualifiers = PRIMARY_KEYS[primary] ?? [];
  const rest = segments.slice(start);
  if (rest.length % 2 !== 0) return { ok: false, error: 'Digital Link path should be AI/value pairs' };
  const elements: RawElement[] = [];
  let lastQualifier = -1;
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i] ?? '';
    const ai = aiOf(key);
    const value = decode(rest[i + 1] ?? '');
    if (ai === undefined) return { ok: false, error: `unknown Digital Link key "${key}"` };
    if (value === undefined) return { ok: false, error: `AI ${ai}: bad percent-encoding in the Digital Link` };
    if (i > 0) {
      const position = qualifiers.indexOf(ai);
      if (position === -1) return { ok: false, error: `AI ${ai} is not a key qualifier of AI ${primary} in a Digital Link path` };
      if (position <= lastQualifier) return { ok: false, error: `AI ${ai} is out of order in the Digital Link path` };
      lastQualifier = position;
    }
    elements.push({ ai, value });
  }
  return { ok: true, elements };
}

/**
 * Elements of a GS1 Digital Link URI, checked like any GS1 data; undefined when `uri` is not a
 * Digital Link (not an http(s) URL, or no GS1 primary key in its path).
 */
export function parseDigitalLink(uri: string, opts: { currentYear?: number } = {}): Gs1Result | undefined {
  if (!looksLikeUri(uri) || !URL.canParse(uri)) return undefined;
  const url = new URL(uri);
  const path = readPath(url.pathname);
  if (path === undefined || !path.ok) return path;
  const elements = path.elements.map((e) =>
    // the path may carry a GTIN-8/12/13; element strings always carry 14 digits
    (e.ai === '01' || e.ai === '02') && /^(\d{8}|\d{12}|\d{13})$/.test(e.value) ? { ai: e.ai, value: e.value.padStart(14, '0') } : e,
  );
  for (const [key, value] of url.searchParams) {
    const ai = aiOf(key);
    if (ai !== undefined) elements.push({ ai, value });
  }
  return checkElements(elements, opts.currentYear ?? new Date().getUTCFullYear());
}
