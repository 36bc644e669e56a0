import type { Symbology } from '../domain/devices';

/** What an AIM symbology identifier (ISO/IEC 15424) says about the data after it. */
export interface AimSplit {
  /** The identifier as received, e.g. "]C1"; absent when the data carried none. */
  aimId?: string;
  symbology: Symbology;
  /** True when the identifier implies FNC1 in first position: the body is a GS1 element string. */
  gs1: boolean;
  /** The data after the identifier. */
  body: string;
}

interface AimMeaning {
  symbology: Symbology;
  gs1: boolean;
}

const gs1 = (symbology: Symbology): AimMeaning => ({ symbology, gs1: true });
const plain = (symbology: Symbology): AimMeaning => ({ symbology, gs1: false });

/** Symbology code letter + modifier -> meaning. Modifiers not listed fall back to `BY_CODE`. */
const BY_ID: Readonly<Record<string, AimMeaning>> = {
  C1: gs1('gs1-128'),
  d2: gs1('gs1-datamatrix'),
  d5: gs1('gs1-datamatrix'), // FNC1 in first position with ECI
  Q3: gs1('gs1-qr'),
  Q4: gs1('gs1-qr'), // FNC1 in first position with ECI
  e0: gs1('gs1-databar'),
  e1: gs1('gs1-databar'), // composite component after the linear one
  J1: gs1('gs1-dotcode'),
  E4: plain('ean-8'),
};

/** Symbology code letter -> meaning for the modifiers that carry no FNC1 in first position. */
const BY_CODE: Readonly<Record<string, AimMeaning>> = {
  C: plain('code-128'),
  A: plain('code-39'),
  d: plain('datamatrix'),
  Q: plain('qr'),
  e: plain('gs1-databar'),
  E: plain('ean-13'),
  I: plain('itf-14'),
};

const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** Meaning of an AIM id such as "]C1"; `body` refines the EAN/UPC and ITF families by length. */
export function aimMeaning(aimId: string, body = ''): AimMeaning {
  const code = aimId.charAt(1);
  const modifier = aimId.charAt(2);
  const known = BY_ID[code + modifier] ?? BY_CODE[code];
  if (!known) return plain('unknown');
  if (code === 'E' && modifier !== '4') {
    // EAN/UPC packet: UPC-A travels as 13 digits with a leading 0, UPC-E as 8 digits (or its 6 data digits).
    if (body.length === 8 || body.length === 6) return plain('upc-e');
    if (body.length === 12 || (body.length === 13 && body.startsWith('0'))) return plain('upc-a');
    return plain('ean-13');
  }
  if (code === 'I' && body.length !== 14) return plain('unknown');
  return known;
}

/** Split an AIM symbology identifier ("]C1", "]d2", "]E0", ...) off the front of raw scan data. */
export function splitAim(raw: string): AimSplit {
  const match = AIM_PREFIX.exec(raw);
  if (!match) return { symbology: 'unknown', gs1: false, body: raw };
  const aimId = match[0];
  const body = raw.slice(3);
  return { aimId, ...aimMeaning(aimId, body), body };
}
