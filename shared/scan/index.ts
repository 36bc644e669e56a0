export { splitAim, aimMeaning, type AimSplit } from './aim';
export {
  computeCheckDigit,
  checkDigitError,
  hasValidCheckDigit,
  isValidGtin,
  gtinError,
  normalizeGtin,
  isValidSscc,
  makeSscc,
} from './check-digit';
export { parseGs1, parseBracketed, parseElementString, checkElements, type Gs1Element, type Gs1Result, type Gs1Options } from './gs1';
export { parseGs1Date, fullYear, daysInMonth, type Gs1DateResult } from './gs1-date';
export { GS, splitElementString, splitBracketed, looksBracketed, type RawElement } from './gs1-syntax';
export { aiEntry, allAis, type AiEntry, type AiComponent, type ComponentType } from './gs1/ai-table';
export { pairingError, itemPairingError } from './gs1/pairing';
export { LINTERS, type Linter, type LintContext } from './gs1/linters';
export { parseDigitalLink, looksLikeUri } from './digital-link';
export { expandUpcE } from './upc-e';
export {
  ParsedScan,
  ParsedScanOk,
  ParsedScanError,
  ParseScanOptions,
  ScanKind,
  ScanElement,
} from './parsed-scan';
export { parseScan, MAX_SCAN_LENGTH } from './parse-scan';
