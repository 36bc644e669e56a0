/** Shared pieces of the station's PDF documents: pdfkit to a Buffer, barcode images, a paginating table. */
import type PDFKit from 'pdfkit';

export type PdfDocument = PDFKit.PDFDocument;

export interface PdfOptions {
  size?: 'A4' | 'LETTER';
  /** Deflate page streams (on by default; off makes the PDF text greppable). */
  compress?: boolean;
  title: string;
  /** Fixed creation date, so the same data gives the same bytes. */
  createdAt?: Date;
}

export const MARGIN = 40;

/** Runs `draw` on a new document and returns the finished PDF. pdfkit loads on first use. */
export async function renderPdf(options: PdfOptions, draw: (doc: PdfDocument) => Promise<void> | void): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: options.title, Producer: 'Warebench', Creator: 'Warebench', CreationDate: options.createdAt ?? new Date() },
    bufferPages: false,
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return finished;
}

/** Code 128 PNG (bwip-js), human-readable text under the bars. */
export async function code128Png(text: string): Promise<Buffer> {
  const bwipjs = await import('bwip-js/node');
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 12, includetext: true, textxalign: 'center' });
}

export interface Column<Row> {
  header: string;
  width: number;
  align?: 'left' | 'right';
  value(row: Row): string;
}

/** A table that continues on new pages, repeating its header. Returns the y below it. */
export function drawTable<Row>(doc: PdfDocument, columns: readonly Column<Row>[], rows: readonly Row[], top: number): number {
  const left = MARGIN;
  const bottom = doc.page.height - MARGIN;
  const padding = 4;
  let y = top;

  const header = (): void => {
    doc.font('Helvetica-Bold').fontSize(9);
    let x = left;
    for (const column of columns) {
      doc.text(column.header, x + padding, y + padding, {
        width: column.width - 2 * padding,
        align: column.align ?? 'left',
        lineBreak: false,
      });
      x += column.width;
    }
    y += 18;
    doc.moveTo(left, y).lineTo(x, y).lineWidth(1).stroke();
    doc.font('Helvetica').fontSize(9);
  };

  header();
  for (const row of rows) {
    const heights = columns.map((column) =>
      doc.heightOfString(column.value(row), { width: column.width - 2 * padding, align: column.align ?? 'left' }),
    );
    const height = Math.max(...heights) + 2 * padding;
    if (y + height > bottom) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    let x = left;
    for (const column of columns) {
      doc.text(column.value(row), x + padding, y + padding, { width: column.width - 2 * padding, align: column.align ?? 'left' });
      x += column.width;
    }
    y += height;
    doc.moveTo(left, y).lineTo(x, y).lineWidth(0.3).strokeColor('#999999').stroke().strokeColor('#000000');
  }
  return y;
}

export function formatQuantity(value: number): string {
  return String(Number(value.toFixed(3)));
}
