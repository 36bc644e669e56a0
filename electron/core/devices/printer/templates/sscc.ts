/**
 * GS1 logistic label, 4x6 in, laid out as the GS1 Logistic Label Guideline does:
 * free-format top (sender), human-readable section with data titles, barcodes at the bottom, the SSCC last.
 */
import { z } from 'zod';
import { encodeCode128 } from '../code128';
import { type Gs1Element, gs1Date, gs1Tokens, netWeightKgElement } from '../gs1-128';
import { buildLabel, code128WidthDots, fitModuleWidth, type ZplElement } from '../zpl';
import { fitTextHeight, formatNumber, Gtin, gs1Text, IsoDate, LabelDpi, labelText, optionalLabelText, Sscc, scaler } from './fields';

export const SsccLabelInput = z.object({
  from: z.object({ name: labelText(40), address: optionalLabelText(60) }),
  sscc: Sscc,
  /** Trade items on the unit: GTIN of the contained items, AI (02), with their count, AI (37). */
  content: z.object({ gtin: Gtin, count: z.number().int().min(1).max(99_999_999) }).optional(),
  lot: gs1Text(20).optional(),
  bestBefore: IsoDate.optional(),
  /** Use-by / expiry date, AI (17). */
  expiry: IsoDate.optional(),
  netWeightKg: z.number().positive().max(999_999).optional(),
  dpi: LabelDpi,
});
export type SsccLabelInput = z.input<typeof SsccLabelInput>;

const WIDTH = 812;
const HEIGHT = 1218;

/** DD.MM.YY, the form the guideline shows dates in the human-readable section. */
function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(2, 4)}`;
}

/** The element strings of each barcode, top to bottom; the SSCC is always the last. */
export function ssccLabelBarcodes(input: z.output<typeof SsccLabelInput>): Gs1Element[][] {
  const barcodes: Gs1Element[][] = [];
  if (input.content) {
    barcodes.push([
      { ai: '02', value: input.content.gtin },
      { ai: '37', value: String(input.content.count) },
    ]);
  }
  const second: Gs1Element[] = [];
  if (input.netWeightKg !== undefined) second.push(netWeightKgElement(input.netWeightKg));
  if (input.bestBefore) second.push({ ai: '15', value: gs1Date(input.bestBefore) });
  if (input.expiry) second.push({ ai: '17', value: gs1Date(input.expiry) });
  if (input.lot) second.push({ ai: '10', value: input.lot });
  if (second.length > 0) barcodes.push(second);
  barcodes.push([{ ai: '00', value: input.sscc }]);
  return barcodes;
}

/** Builds the label; throws a ZodError naming the bad fields when the data does not fit the schema. */
export function build(input: SsccLabelInput): string {
  return render(SsccLabelInput.parse(input));
}

export function render(input: z.output<typeof SsccLabelInput>): string {
  const s = scaler(input.dpi);
  const els: ZplElement[] = [];
  const line = (y: number): void => {
    els.push({ kind: 'box', x: 0, y: s(y), width: s(WIDTH), height: s(3), thickness: s(3) });
  };
  const field = (x: number, y: number, title: string, value: string): void => {
    els.push({ kind: 'text', x: s(x), y: s(y), height: s(20), text: title });
    els.push({ kind: 'text', x: s(x), y: s(y + 25), height: s(fitTextHeight(value, 360, 36, 18)), text: value });
  };

  els.push({ kind: 'text', x: s(25), y: s(25), height: s(fitTextHeight(input.from.name, 760, 40, 20)), text: input.from.name });
  if (input.from.address) {
    els.push({ kind: 'text', x: s(25), y: s(72), height: s(fitTextHeight(input.from.address, 760, 24, 16)), text: input.from.address });
  }
  line(110);

  field(25, 122, 'SSCC', input.sscc);
  const rows: Array<[string, string]> = [];
  if (input.content) {
    rows.push(['CONTENT', input.content.gtin], ['COUNT', String(input.content.count)]);
  }
  if (input.lot) rows.push(['BATCH/LOT', input.lot]);
  if (input.bestBefore) rows.push(['BEST BEFORE (dd.mm.yy)', displayDate(input.bestBefore)]);
  if (input.expiry) rows.push(['USE BY (dd.mm.yy)', displayDate(input.expiry)]);
  if (input.netWeightKg !== undefined) rows.push(['NET WEIGHT (kg)', formatNumber(input.netWeightKg, 3)]);
  for (const [i, [title, value]] of rows.entries()) field(i % 2 === 0 ? 25 : 420, 192 + Math.floor(i / 2) * 70, title, value);
  line(440);

  const barcodes = ssccLabelBarcodes(input);
  // The SSCC sits at the foot of the label, the others stack above it.
  const slotsFromBottom = [900, 680, 460];
  barcodes.forEach((elements, i) => {
    const isSscc = i === barcodes.length - 1;
    const encoding = encodeCode128(gs1Tokens(elements));
    const module = fitModuleWidth(encoding, s(WIDTH), s(isSscc ? 4 : 3));
    els.push({
      kind: 'gs1-128',
      x: Math.max(0, Math.round((s(WIDTH) - code128WidthDots(encoding, module)) / 2)),
      y: s(slotsFromBottom[barcodes.length - 1 - i] ?? 460),
      height: s(isSscc ? 200 : 150),
      moduleWidth: module,
      elements,
      interpretationHeight: s(isSscc ? 30 : 24),
    });
  });

  return buildLabel({ widthDots: s(WIDTH), heightDots: s(HEIGHT), dpi: input.dpi }, els);
}
