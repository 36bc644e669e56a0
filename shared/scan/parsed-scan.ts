import { z } from 'zod';
import { Symbology } from '../domain/devices';
import { GS } from './gs1-syntax';

/** What a scan turned out to be: GS1 element data, a bare GTIN or SSCC, or anything else. */
export const ScanKind = z.enum(['gs1', 'gtin', 'sscc', 'plain']);
export type ScanKind = z.infer<typeof ScanKind>;

export const ScanElement = z.object({
  ai: z.string().regex(/^\d{2,4}$/),
  title: z.string(),
  /** The element's data exactly as encoded (dates as YYMMDD, measures as their 6 digits). */
  value: z.string(),
});
export type ScanElement = z.infer<typeof ScanElement>;

const IsoDate = z.iso.date();

export const ParsedScanOk = z.object({
  ok: z.literal(true),
  symbology: Symbology,
  kind: ScanKind,
  /** GTIN as 14 digits. */
  gtin: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  sscc: z
    .string()
    .regex(/^\d{18}$/)
    .optional(),
  lot: z.string().optional(),
  serial: z.string().optional(),
  expiry: IsoDate.optional(),
  bestBefore: IsoDate.optional(),
  productionDate: IsoDate.optional(),
  netWeightKg: z.number().nonnegative().optional(),
  netWeightLb: z.number().nonnegative().optional(),
  count: z.number().int().nonnegative().optional(),
  customerPo: z.string().optional(),
  shipToPostal: z.string().optional(),
  elements: z.array(ScanElement),
  /** The scan as received. */
  data: z.string(),
});
export type ParsedScanOk = z.infer<typeof ParsedScanOk>;

export const ParsedScanError = z.object({
  ok: z.literal(false),
  /** Why the scan is not usable, e.g. "GTIN check digit should be 2, got 3". */
  error: z.string().min(1),
  data: z.string(),
});
export type ParsedScanError = z.infer<typeof ParsedScanError>;

/** The result of parsing one scan. */
export const ParsedScan = z.discriminatedUnion('ok', [ParsedScanOk, ParsedScanError]);
export type ParsedScan = z.infer<typeof ParsedScan>;

export const ParseScanOptions = z.object({
  /** Character the site's wedge scanner sends in place of GS (FNC1), e.g. "|" or "~". */
  separator: z
    .string()
    .length(1)
    .refine((c) => c !== GS && !/[0-9]/.test(c), 'the separator must not be a digit or GS itself')
    .optional(),
  /** AIM symbology identifier received apart from the data, e.g. "]C1". */
  aimId: z
    .string()
    .regex(/^\][A-Za-z][0-9A-Za-z]$/)
    .optional(),
  /** Reference time for reading two-digit GS1 years; defaults to now. */
  now: z.date().optional(),
  /**
   * Where GS1's mandatory pairings (e.g. a serial needs its GTIN) are checked: in this scan ("scan"), or
   * by the workflow over all labels of one item ("item", see `itemPairingError`). When not given, a scan
   * that carries an identification key is checked as a whole item and a label without one (a separate
   * lot/expiry label) is left to the workflow. Conflicting pairings are refused in every case.
   */
  requisites: z.enum(['scan', 'item']).optional(),
});
export type ParseScanOptions = z.infer<typeof ParseScanOptions>;
