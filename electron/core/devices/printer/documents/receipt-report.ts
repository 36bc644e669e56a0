/** Receiving report PDF: one receipt against its purchase order, expected vs received per line, with the variance. */
import { z } from 'zod';
import { barcodeText, IsoDate, labelText, optionalLabelText } from '../templates/fields';
import { type Column, code128Png, drawTable, formatQuantity, MARGIN, type PdfOptions, renderPdf } from './pdf';

export const ReceiptReportLine = z.object({
  sku: labelText(30),
  description: z.string().trim().max(120).default(''),
  expected: z.number().nonnegative(),
  received: z.number().nonnegative(),
  unit: z.string().trim().max(8).default('EA'),
  lot: optionalLabelText(30),
  expiry: IsoDate.optional(),
  location: optionalLabelText(20),
});

export const ReceiptReportInput = z.object({
  receiptNumber: barcodeText(30),
  purchaseOrder: optionalLabelText(30),
  supplier: labelText(60),
  receivedAt: z.iso.datetime({ offset: true }),
  receivedBy: optionalLabelText(60),
  dock: optionalLabelText(20),
  lines: z.array(ReceiptReportLine).min(1).max(2000),
});
export type ReceiptReportInput = z.input<typeof ReceiptReportInput>;

type Line = z.output<typeof ReceiptReportLine>;

function variance(line: Line): string {
  const delta = Number((line.received - line.expected).toFixed(3));
  return delta === 0 ? '' : delta > 0 ? `+${delta}` : String(delta);
}

const columns: Column<Line>[] = [
  { header: 'SKU', width: 80, value: (l) => l.sku },
  { header: 'Description', width: 150, value: (l) => l.description },
  { header: 'Lot / expiry', width: 80, value: (l) => [l.lot, l.expiry].filter(Boolean).join('\n') },
  { header: 'Expected', width: 50, align: 'right', value: (l) => formatQuantity(l.expected) },
  { header: 'Received', width: 50, align: 'right', value: (l) => formatQuantity(l.received) },
  { header: 'Var.', width: 40, align: 'right', value: variance },
  { header: 'Location', width: 65, value: (l) => l.location ?? '' },
];

export async function buildReceiptReport(data: ReceiptReportInput, options: Omit<PdfOptions, 'title'> = {}): Promise<Buffer> {
  const report = ReceiptReportInput.parse(data);
  const barcode = await code128Png(report.receiptNumber);
  return renderPdf({ ...options, title: `Receiving report ${report.receiptNumber}` }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text('RECEIVING REPORT', MARGIN, MARGIN);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`Receipt ${report.receiptNumber}`, MARGIN, MARGIN + 28);
    if (report.purchaseOrder) doc.text(`Purchase order ${report.purchaseOrder}`);
    doc.text(`Supplier ${report.supplier}`);
    doc.text(
      `Received ${report.receivedAt}${report.dock ? ` at dock ${report.dock}` : ''}${report.receivedBy ? ` by ${report.receivedBy}` : ''}`,
    );
    doc.image(barcode, doc.page.width - MARGIN - 200, MARGIN, { fit: [200, 70] });

    const end = drawTable(doc, columns, report.lines, MARGIN + 110);
    const short = report.lines.filter((l) => l.received < l.expected).length;
    const over = report.lines.filter((l) => l.received > l.expected).length;
    const summary = `${report.lines.length} lines: ${report.lines.length - short - over} as expected, ${short} short, ${over} over`;
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(summary, MARGIN, end + 10);
  });
}
