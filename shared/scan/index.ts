export { type AimSplit, aimMeaning, splitAim } from './aim';
export {
  checkDigitError,
  computeCheckDigit,
  gtinError,
  hasValidCheckDigit,
  isValidGtin,
  isValidSscc,
  makeSscc,
  normalizeGtin,
} from './check-digit';
export { looksLikeUri, parseDigitalLink } from './digital-link';
export { checkElements, type Gs1Element, type Gs1Options, type Gs1Result, parseBracketed, parseElementString, parseGs1 } from './gs1';
export { type AiComponent, type AiEntry, aiEntry, allAis, type ComponentType } from './gs1/ai-table';
export { LINTERS, type LintContext, type Linter } from './gs1/linters';
export { itemPairingError, pairingError } from './gs1/pairing';
export { daysInMonth, fullYear, type Gs1DateResult, parseGs1Date } from './gs1-date';
export { GS, looksBracketed, type RawElement, splitBracketed, splitElementString } from './gs1-syntax';
export { MAX_SCAN_LENGTH, parseScan } from './parse-scan';
export {
  ParsedScan,
  ParsedScanError,
  ParsedScanOk,
  ParseScanOptions,
  ScanElement,
  ScanKind,
} from './parsed-scan';
export { expandUpcE } from './upc-e';
