/** Carton shipping label, 4x6 in: ship-from, carrier, ship-to, order/carton/weight, tracking barcode, SSCC. */
import { z } from 'zod';
import { code128Tokens, encodeCode128 } from '../code128';
import { gs1Tokens } from '../gs1-128';
import { buildLabel, code128WidthDots, fitModuleWidth, type ZplElement } from '../zpl';
import {
  Address,
  addressLines,
  barcodeText,
  fitTextHeight,
  formatNumber,
  LabelDpi,
  labelText,
  optionalLabelText,
  Sscc,
  scaler,
} from './fields';

export const ShippingLabelInput = z
  .object({
    shipFrom: Address,
    shipTo: Address,
    carrier: labelText(24),
    service: optionalLabelText(30),
    trackingNumber: barcodeText(34),
    sscc: Sscc,
    orderNumber: labelText(30),
    carton: z.object({
      number: z.number().int().min(1).max(9999),
      of: z.number().int().min(1).max(9999),
    }),
    weight: z.object({
      value: z.number().positive().max(99_999),
      unit: z.enum(['kg', 'lb']),
    }),
    dpi: LabelDpi,
  })
  .refine((input) => input.carton.number <= input.carton.of, {
    message: 'carton number cannot be greater than the carton count',
    path: ['carton', 'number'],
  });
export type ShippingLabelInput = z.input<typeof ShippingLabelInput>;

/** 4 x 6 in at 203 dpi, in 203-dpi dots. */
const WIDTH = 812;
const HEIGHT = 1218;

/** Builds the label; throws a ZodError naming the bad fields when the data does not fit the schema. */
export function build(input: ShippingLabelInput): string {
  return render(ShippingLabelInput.parse(input));
}

export function render(input: z.output<typeof ShippingLabelInput>): string {
  const s = scaler(input.dpi);
  const els: ZplElement[] = [];
  const line = (y: number): void => {
    els.push({ kind: 'box', x: 0, y: s(y), width: s(WIDTH), height: s(3), thickness: s(3) });
  };

  els.push({ kind: 'text', x: s(25), y: s(20), height: s(22), text: 'FROM' });
  addressLines(input.shipFrom).forEach((text, i) => {
    els.push({ kind: 'text', x: s(25), y: s(50 + i * 30), height: s(fitTextHeight(text, 420, 24, 16)), text });
  });
  els.push({ kind: 'box', x: s(455), y: 0, width: s(3), height: s(210), thickness: s(3) });
  els.push({ kind: 'text', x: s(475), y: s(30), height: s(fitTextHeight(input.carrier, 320, 56, 20)), text: input.carrier });
  if (input.service) {
    els.push({ kind: 'text', x: s(475), y: s(100), height: s(fitTextHeight(input.service, 320, 32, 16)), text: input.service });
  }
  line(210);

  els.push({ kind: 'text', x: s(25), y: s(225), height: s(24), text: 'SHIP TO' });
  addressLines(input.shipTo).forEach((text, i) => {
    els.push({ kind: 'text', x: s(60), y: s(260 + i * 45), height: s(fitTextHeight(text, 730, 40, 20)), text });
  });
  line(490);

  const order = `ORDER ${input.orderNumber}`;
  els.push({ kind: 'text', x: s(25), y: s(505), height: s(fitTextHeight(order, 770, 30, 18)), text: order });
  els.push({ kind: 'text', x: s(25), y: s(545), height: s(42), text: `CARTON ${input.carton.number} OF ${input.carton.of}` });
  els.push({
    kind: 'text',
    x: s(470),
    y: s(545),
    height: s(42),
    text: `${formatNumber(input.weight.value, 2)} ${input.weight.unit.toUpperCase()}`,
  });
  line(600);

  els.push({ kind: 'text', x: s(25), y: s(615), height: s(24), text: 'TRACKING #' });
  const tracking = encodeCode128(code128Tokens(input.trackingNumber));
  const trackingModule = fitModuleWidth(tracking, s(WIDTH), s(3));
  els.push({
    kind: 'code128',
    x: Math.max(0, Math.round((s(WIDTH) - code128WidthDots(tracking, trackingModule)) / 2)),
    y: s(650),
    height: s(130),
    moduleWidth: trackingModule,
    data: input.trackingNumber,
  });
  els.push({ kind: 'text', x: s(60), y: s(795), height: s(fitTextHeight(input.trackingNumber, 730, 30, 18)), text: input.trackingNumber });
  line(840);

  els.push({ kind: 'text', x: s(25), y: s(855), height: s(24), text: 'SSCC' });
  const ssccElements = [{ ai: '00', value: input.sscc }];
  const sscc = encodeCode128(gs1Tokens(ssccElements));
  const ssccModule = fitModuleWidth(sscc, s(WIDTH), s(4));
  els.push({
    kind: 'gs1-128',
    x: Math.max(0, Math.round((s(WIDTH) - code128WidthDots(sscc, ssccModule)) / 2)),
    y: s(890),
    height: s(200),
    moduleWidth: ssccModule,
    elements: ssccElements,
    interpretationHeight: s(30),
  });

  return buildLabel({ widthDots: s(WIDTH), heightDots: s(HEIGHT), dpi: input.dpi }, els);
}
