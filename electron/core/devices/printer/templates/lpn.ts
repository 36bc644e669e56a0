/** Internal license plate (LPN) label, 4x3 in: LPN barcode, item, quantity, lot, putaway location in big type. */
import { z } from 'zod';
import { code128Tokens, encodeCode128 } from '../code128';
import { buildLabel, code128WidthDots, fitModuleWidth, type ZplElement } from '../zpl';
import { barcodeText, fitTextHeight, formatNumber, LabelDpi, labelText, optionalLabelText, scaler } from './fields';

export const LpnLabelInput = z.object({
  lpn: barcodeText(24),
  item: z.object({ sku: labelText(30), description: optionalLabelText(60) }),
  quantity: z.object({ value: z.number().positive().max(99_999_999), unit: labelText(8) }),
  lot: optionalLabelText(30),
  location: labelText(20),
  dpi: LabelDpi,
});
export type LpnLabelInput = z.input<typeof LpnLabelInput>;

const WIDTH = 812;
const HEIGHT = 609;

/** Builds the label; throws a ZodError naming the bad fields when the data does not fit the schema. */
export function build(input: LpnLabelInput): string {
  return render(LpnLabelInput.parse(input));
}

export function render(input: z.output<typeof LpnLabelInput>): string {
  const s = scaler(input.dpi);
  const els: ZplElement[] = [];
  const line = (y: number): void => {
    els.push({ kind: 'box', x: 0, y: s(y), width: s(WIDTH), height: s(3), thickness: s(3) });
  };

  els.push({ kind: 'text', x: s(25), y: s(15), height: s(22), text: 'LPN' });
  const lpn = encodeCode128(code128Tokens(input.lpn));
  const module = fitModuleWidth(lpn, s(WIDTH), s(3));
  els.push({
    kind: 'code128',
    x: Math.max(0, Math.round((s(WIDTH) - code128WidthDots(lpn, module)) / 2)),
    y: s(45),
    height: s(150),
    moduleWidth: module,
    data: input.lpn,
  });
  els.push({ kind: 'text', x: s(25), y: s(208), height: s(fitTextHeight(input.lpn, 760, 44, 20)), text: input.lpn });
  line(265);

  els.push({ kind: 'text', x: s(25), y: s(278), height: s(fitTextHeight(input.item.sku, 760, 38, 20)), text: input.item.sku });
  if (input.item.description) {
    els.push({
      kind: 'text',
      x: s(25),
      y: s(322),
      height: s(fitTextHeight(input.item.description, 760, 24, 16)),
      text: input.item.description,
    });
  }
  const quantity = `QTY ${formatNumber(input.quantity.value, 3)} ${input.quantity.unit}`;
  els.push({ kind: 'text', x: s(25), y: s(362), height: s(fitTextHeight(quantity, 390, 42, 20)), text: quantity });
  if (input.lot) {
    const lot = `LOT ${input.lot}`;
    els.push({ kind: 'text', x: s(430), y: s(368), height: s(fitTextHeight(lot, 360, 32, 16)), text: lot });
  }
  line(420);

  els.push({ kind: 'text', x: s(25), y: s(432), height: s(22), text: 'PUT AWAY TO' });
  els.push({ kind: 'text', x: s(25), y: s(465), height: s(fitTextHeight(input.location, 770, 120, 40)), text: input.location });

  return buildLabel({ widthDots: s(WIDTH), heightDots: s(HEIGHT), dpi: input.dpi }, els);
}
