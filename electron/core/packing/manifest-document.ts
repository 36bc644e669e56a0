/** Carrier manifest PDF: the cartons a carrier's driver takes, with SSCC, tracking and weight, and a signature line. */
import type { Manifest } from '../../../shared/domain/packing';
import { type Column, code128Png, drawTable, MARGIN, renderPdf } from '../devices';

type Row = Manifest['cartons'][number];

const columns: Column<Row>[] = [
  { header: '#', width: 30, value: () => '' },
  { header: 'Order', width: 80, value: (c) => c.orderNumber },
  { header: 'SSCC', width: 130, value: (c) => c.sscc },
  { header: 'Tracking', width: 150, value: (c) => c.tracking },
  { header: 'Service', width: 60, value: (c) => c.service },
  { header: 'kg', width: 45, align: 'right', value: (c) => (c.weightG / 1000).toFixed(2) },
];

export async function buildManifestPdf(manifest: Manifest, siteName: string, createdAt: Date): Promise<Buffer> {
  const barcode = await code128Png(manifest.id);
  const position = new Map(manifest.cartons.map((c, i) => [c, i + 1]));
  const numbered = columns.map((c, i) => (i === 0 ? { ...c, value: (row: Row) => String(position.get(row) ?? '') } : c));
  return renderPdf({ title: `Manifest ${manifest.id}`, createdAt }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text(`MANIFEST ${manifest.carrier}`, MARGIN, MARGIN);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${siteName} · ${manifest.date} · ${manifest.id}`, MARGIN, MARGIN + 28);
    doc.text(
      `${manifest.cartons.length} cartons · ${(manifest.totalWeightG / 1000).toFixed(2)} kg · ${manifest.state === 'closed' ? `closed ${manifest.closedAt ?? ''}` : 'OPEN'}`,
    );
    doc.image(barcode, doc.page.width - MARGIN - 220, MARGIN, { fit: [220, 60] });
    const end = drawTable(doc, numbered, manifest.cartons, MARGIN + 90);
    const y = Math.min(end + 40, doc.page.height - MARGIN - 60);
    doc.font('Helvetica').fontSize(10).text('Received by driver (name, signature, time):', MARGIN, y);
    doc
      .moveTo(MARGIN, y + 40)
      .lineTo(MARGIN + 400, y + 40)
      .lineWidth(1)
      .stroke();
  });
}
