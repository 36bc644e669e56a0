import type { z } from 'zod';
import * as lpn from './lpn';
import * as shipping from './shipping';
import * as sscc from './sscc';

/** A label template: a zod schema for its data and a pure build to ZPL. */
export interface LabelTemplate {
  name: LabelTemplateName;
  summary: string;
  schema: z.ZodType;
  /** Validates `data` (throws ZodError) and builds the ZPL. */
  build(data: unknown): string;
}

export const labelTemplateNames = ['shipping', 'sscc', 'lpn'] as const;
export type LabelTemplateName = (typeof labelTemplateNames)[number];

export const labelTemplates: Readonly<Record<LabelTemplateName, LabelTemplate>> = {
  shipping: {
    name: 'shipping',
    summary: 'carton shipping label 4x6 in: addresses, carrier, tracking barcode, SSCC',
    schema: shipping.ShippingLabelInput,
    build: (data) => shipping.render(shipping.ShippingLabelInput.parse(data)),
  },
  sscc: {
    name: 'sscc',
    summary: 'GS1 logistic label 4x6 in: SSCC, content GTIN, count, lot, dates, net weight',
    schema: sscc.SsccLabelInput,
    build: (data) => sscc.render(sscc.SsccLabelInput.parse(data)),
  },
  lpn: {
    name: 'lpn',
    summary: 'license plate label 4x3 in: LPN barcode, item, quantity, lot, putaway location',
    schema: lpn.LpnLabelInput,
    build: (data) => lpn.render(lpn.LpnLabelInput.parse(data)),
  },
};

export function isLabelTemplateName(name: string): name is LabelTemplateName {
  return (labelTemplateNames as readonly string[]).includes(name);
}
