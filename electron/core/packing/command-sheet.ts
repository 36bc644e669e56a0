import { commandBarcode, type ScanCommand } from '../../../shared/scan/command';
import { code128Png, MARGIN, renderPdf } from '../devices';

export interface CommandSheetEntry {
  command: ScanCommand;
  /** The command's name as the packer reads it (translated by the screen that asked for the sheet). */
  name: string;
}

const ROW_HEIGHT = 96;
const COLUMN_WIDTH = 250;

/** The command sheet: two columns of command barcodes (Code 128), each with its name above the bars. */
export async function buildCommandSheet(title: string, entries: readonly CommandSheetEntry[], createdAt: Date): Promise<Buffer> {
  const images = await Promise.all(entries.map((e) => code128Png(commandBarcode(e.command))));
  return renderPdf({ title, createdAt }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(title, MARGIN, MARGIN);
    const top = MARGIN + 40;
    const perPage = Math.floor((doc.page.height - top - MARGIN) / ROW_HEIGHT) * 2;
    entries.forEach((entry, i) => {
      const onPage = i % perPage;
      if (i > 0 && onPage === 0) doc.addPage();
      const x = MARGIN + (onPage % 2) * (COLUMN_WIDTH + 15);
      const y = top + Math.floor(onPage / 2) * ROW_HEIGHT;
      doc.font('Helvetica-Bold').fontSize(11).text(entry.name, x, y, { width: COLUMN_WIDTH, lineBreak: false, ellipsis: true });
      const image = images[i];
      if (image) doc.image(image, x, y + 16, { fit: [COLUMN_WIDTH - 20, ROW_HEIGHT - 24] });
    });
  });
}
