/** Packing slip PDF: order number (with barcode), ship-to, carrier, order lines with ordered and shipped quantities. */
import { z } from 'zod';
import { Address, addressLines, barcodeText, IsoDate, labelText, optionalLabelText } from '../templates/fields';
import { type Column, code128Png, drawTable, formatQuantity, MARGIN, type PdfOptions, renderPdf } from './pdf';

export const PackingSlipLine = z.object({
  sku: labelText(30),
  description: z.string().trim().max(120).default(''),
  ordered: z.number().nonnegative(),
  shipped: z.number().nonnegative(),
  unit: z.string().trim().max(8).default('EA'),
  lot: optionalLabelText(30),
});

export const PackingSlipInput = z.object({
  orderNumber: barcodeText(30),
  orderDate: IsoDate.optional(),
  customerReference: optionalLabelText(40),
  shipFrom: Address.optional(),
  shipTo: Address,
  carrier: optionalLabelText(40),
  cartons: z.number().int().min(1).max(9999).optional(),
  lines: z.array(PackingSlipLine).min(1).max(2000),
  notes: z.string().trim().max(1000).optional(),
});
export type PackingSlipInput = z.input<typeof PackingSlipInput>;

type Line = z.output<typeof PackingSlipLine>;

const columns: Column<Line>[] = [
  { header: 'SKU', width: 95, value: (l) => l.sku },
  { header: 'Description', width: 200, value: (l) => l.description },
  { header: 'Lot', width: 70, value: (l) => l.lot ?? '' },
  { header: 'Ordered', width: 55, align: 'right', value: (l) => formatQuantity(l.ordered) },
  { header: 'Shipped', width: 55, align: 'right', value: (l) => formatQuantity(l.shipped) },
  { header: 'Unit', width: 40, value: (l) => l.unit },
];

export async function buildPackingSlip(data: PackingSlipInput, options: Omit<PdfOptions, 'title'> = {}): Promise<Buffer> {
  const slip = PackingSlipInput.parse(data);
  const barcode = await code128Png(slip.orderNumber);
  return renderPdf({ ...options, title: `Packing slip ${slip.orderNumber}` }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text('PACKING SLIP', MARGIN, MARGIN);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`Order ${slip.orderNumber}`, MARGIN, MARGIN + 28);
    if (slip.orderDate) doc.text(`Order date ${slip.orderDate}`);
    if (slip.customerReference) doc.text(`Your reference ${slip.customerReference}`);
    doc.image(barcode, doc.page.width - MARGIN - 200, MARGIN, { fit: [200, 70] });

    const top = MARGIN + 100;
    doc.font('Helvetica-Bold').fontSize(10).text('Ship to', MARGIN, top);
    doc.font('Helvetica').text(addressLines(slip.shipTo).join('\n'), MARGIN, top + 14, { width: 240 });
    if (slip.shipFrom) {
      doc.font('Helvetica-Bold').text('Ship from', MARGIN + 280, top);
      doc.font('Helvetica').text(addressLines(slip.shipFrom).join('\n'), MARGIN + 280, top + 14, { width: 230 });
    }
    const details = [slip.carrier ? `Carrier: ${slip.carrier}` : undefined, slip.cartons ? `Cartons: ${slip.cartons}` : undefined]
      .filter((part): part is string => part !== undefined)
      .join('    ');
    if (details) doc.text(details, MARGIN, top + 100);

    const end = drawTable(doc, columns, slip.lines, top + 125);
    const shipped = slip.lines.reduce((sum, line) => sum + line.shipped, 0);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`Total shipped: ${formatQuantity(shipped)}`, MARGIN, end + 10);
    if (slip.notes)
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(slip.notes, MARGIN, end + 30, { width: doc.page.width - 2 * MARGIN });
  });
}
