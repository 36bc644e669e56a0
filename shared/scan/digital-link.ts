/**
 * GS1 Digital Link URIs -> GS1 elements, per the GS1 Digital Link standard. Any host and any path
 * stem before the primary key: `https://id.gs1.org/01/09506000134352/10/ABC123?17=201225`,
 * `https://brand.example/gtin/01/09520123456788`. The primary key is the rightmost one in the path;
 * its key qualifiers follow in one of the orders the dictionary's `dlpkey` gives; the query carries
 * data attributes, only for AIs the dictionary flags as such (other parameters such as `linkType`
 * are not GS1 data and are ignored). Compressed Digital Link URIs (all AI data in one base64 path
 * segment, or the primary key in clear and the rest compressed) are expanded first.
 */
import { checkElements, type Gs1Result } from './gs1';
import { aiEntry } from './gs1/ai-table';
import { decompressElements } from './gs1/dl-compression';
import type { RawElement } from './gs1-syntax';

/** Short names earlier versions of the standard allowed in place of numeric AIs. */
const SHORT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  gtin: '01',
  itip: '8006',
  cpv: '22',
  lot: '10',
  ser: '21',
  sscc: '00',
  gln: '414',
  glnx: '254',
  party: '417',
  payto: '415',
  gdti: '253',
  gcn: '255',
  ginc: '401',
  gsin: '402',
  grai: '8003',
  giai: '8004',
  cpid: '8010',
  cpsn: '8011',
  gmn: '8013',
  gsrnp: '8017',
  gsrn: '8018',
  srin: '8019',
  exp: '17',
  expdt: '7003',
});

const NUMERIC_AI = /^\d{2,4}$/;
/** The standard allows the scheme in lower case, or in upper case for QR alphanumeric mode. */
const HTTP_URI = /^(?:https?|HTTPS?):\/\//;
const ANY_CASE_HTTP_URI = /^https?:\/\//i;
/** GTIN AIs whose value may be given as GTIN-8/12/13 and is read as 14 digits. */
const GTIN_AIS: ReadonlySet<string> = new Set(['01', '02', '03']);

function aiOf(key: string): string | undefined {
  const ai = NUMERIC_AI.test(key) ? key : SHORT_NAMES[key];
  return ai !== undefined && aiEntry(ai) !== undefined ? ai : undefined;
}

function isPrimaryKey(segment: string): boolean {
  const ai = aiOf(segment);
  return ai !== undefined && aiEntry(ai)?.dlPrimaryKey !== undefined;
}

export function looksLikeUri(text: string): boolean {
  return ANY_CASE_HTTP_URI.test(text);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function asGtin14(ai: string, value: string): string {
  return GTIN_AIS.has(ai) && /^(\d{8}|\d{12}|\d{13})$/.test(value) ? value.padStart(14, '0') : value;
}

type PathResult = { ok: true; elements: RawElement[] } | { ok: false; error: string } | undefined;

/** Qualifiers must follow one of the key's sequences in order, without mixing sequences. */
function qualifierError(primary: string, sequences: readonly (readonly string[])[], qualifiers: readonly string[]): string | undefined {
  const known = new Set(sequences.flat());
  for (const q of qualifiers) {
    if (!known.has(q)) return `AI ${q} is not a key qualifier of AI ${primary} in a Digital Link path`;
  }
  const fits = sequences.some((sequence) => {
    let last = -1;
    for (const q of qualifiers) {
      const at = sequence.indexOf(q);
      if (at <= last) return false;
      last = at;
    }
    return true;
  });
  if (fits) return undefined;
  const holding = sequences.find((sequence) => qualifiers.every((q) => sequence.includes(q)));
  if (holding === undefined)
    return `AI ${qualifiers[qualifiers.length - 1] ?? ''} may not be combined with AI ${qualifiers[0] ?? ''} after AI ${primary} in a Digital Link path`;
  const late = qualifiers.find((q, i) => i > 0 && holding.indexOf(q) <= holding.indexOf(qualifiers[i - 1] ?? ''));
  return `AI ${late ?? ''} is out of order in the Digital Link path`;
}

function readPath(pathname: string): PathResult {
  const segments = pathname.split('/').slice(1);
  // Walk AI/value pairs back from the end; the first primary key met is the rightmost one.
  let start = -1;
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const ai = aiOf(segments[i] ?? '');
    if (ai === undefined) break;
    if (isPrimaryKey(segments[i] ?? '')) {
      start = i;
      break;
    }
  }
  if (start === -1) {
    const mentionsKey = segments.some((s, i) => i < segments.length - 1 && isPrimaryKey(s) && NUMERIC_AI.test(s));
    if (!mentionsKey) return undefined;
    return {
      ok: false,
      error: segments.includes('') ? 'Digital Link path has an empty segment' : 'Digital Link path should be AI/value pairs',
    };
  }
  if (segments.some((s) => s === '')) return { ok: false, error: 'Digital Link path has an empty segment' };
  const primary = aiOf(segments[start] ?? '') ?? '';
  const elements: RawElement[] = [];
  for (let i = start; i < segments.length; i += 2) {
    const ai = aiOf(segments[i] ?? '') ?? '';
    const value = decode(segments[i + 1] ?? '');
    if (value === undefined) return { ok: false, error: `AI ${ai}: bad percent-encoding in the Digital Link` };
    elements.push({ ai, value: asGtin14(ai, value) });
  }
  const error = qualifierError(
    primary,
    aiEntry(primary)?.dlPrimaryKey ?? [[]],
    elements.slice(1).map((e) => e.ai),
  );
  return error ? { ok: false, error } : { ok: true, elements };
}

/** A compressed path: the last segment holds the AI data, optionally after the primary key and its value in clear. */
function readCompressedPath(pathname: string): RawElement[] | undefined {
  const segments = pathname.split('/').slice(1);
  const compressed = decompressElements(segments[segments.length - 1] ?? '');
  if (compressed === undefined) return undefined;
  const keyAi = segments.length >= 3 ? aiOf(segments[segments.length - 3] ?? '') : undefined;
  const keyValue = decode(segments[segments.length - 2] ?? '');
  const elements =
    keyAi !== undefined && isPrimaryKey(keyAi) && keyValue !== undefined
      ? [{ ai: keyAi, value: asGtin14(keyAi, keyValue) }, ...compressed]
      : compressed;
  const keys = elements.filter((e) => isPrimaryKey(e.ai));
  const [key] = keys;
  if (key === undefined || keys.length !== 1) return undefined;
  return [key, ...elements.filter((e) => e !== key)];
}

function readQuery(search: string, elements: RawElement[], qualifiersInPath: boolean): string | undefined {
  const [primary, ...qualifiers] = elements.map((e) => e.ai);
  // Qualifier sequences the path is compatible with: a query AI from one of them belongs in the path.
  const sequences = qualifiersInPath
    ? (aiEntry(primary ?? '')?.dlPrimaryKey ?? []).filter((sequence) => qualifiers.every((q) => sequence.includes(q)))
    : [];
  for (const [key, value] of new URLSearchParams(search)) {
    const ai = aiOf(key);
    if (ai === undefined) {
      if (/^\d+$/.test(key)) return `"${key}" in the Digital Link query is not a GS1 AI`;
      continue;
    }
    if (!aiEntry(ai)?.dlDataAttribute) return `AI ${ai} may not be a Digital Link query attribute`;
    if (elements.some((e) => e.ai === ai)) return `AI ${ai} appears twice in the Digital Link`;
    if (sequences.some((sequence) => sequence.includes(ai)))
      return `AI ${ai} is a key qualifier of AI ${primary ?? ''}: it belongs in the Digital Link path`;
    elements.push({ ai, value: asGtin14(ai, value) });
  }
  return undefined;
}

/**
 * Elements of a GS1 Digital Link URI, checked like any GS1 data; undefined when `uri` is not a
 * Digital Link (not an http(s) URL, or no GS1 primary key in its path).
 */
export function parseDigitalLink(uri: string, opts: { currentYear?: number; requisites?: 'scan' | 'item' } = {}): Gs1Result | undefined {
  if (!looksLikeUri(uri) || !URL.canParse(uri)) return undefined;
  const url = new URL(uri);
  if (url.host === '') return undefined;
  const path = readPath(url.pathname);
  const compressed = path?.ok ? undefined : readCompressedPath(url.pathname);
  if (compressed === undefined && (path === undefined || !path.ok)) return path;
  if (!HTTP_URI.test(uri)) return { ok: false, error: 'Digital Link scheme should be http or https, all lower or all upper case' };
  const elements = compressed ?? (path?.ok ? path.elements : []);
  const queryError = readQuery(url.search, elements, compressed === undefined);
  if (queryError) return { ok: false, error: queryError };
  return checkElements(elements, opts.currentYear ?? new Date().getUTCFullYear(), opts.requisites);
}
