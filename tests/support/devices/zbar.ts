/** Decodes barcodes in a PNG with zbarimg (a real decoder, independent of our encoder). */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DecodedSymbol {
  type: string;
  /** Decoded data; for GS1 symbols, FNC1 separators appear as GS (0x1D) and the leading FNC1 is implied. */
  data: string;
  gs1: boolean;
}

function decodeXml(xml: string): DecodedSymbol[] {
  const symbols: DecodedSymbol[] = [];
  const pattern = /<symbol type='([^']+)'([^>]*)><data( format='base64')?[^>]*><!\[CDATA\[([\s\S]*?)\]\]><\/data><\/symbol>/g;
  for (const match of xml.matchAll(pattern)) {
    const [, type = '', attributes = '', base64, raw = ''] = match;
    const data = base64 ? Buffer.from(raw.trim(), 'base64').toString('latin1') : raw;
    symbols.push({ type, data, gs1: /modifiers='[^']*GS1/.test(attributes) });
  }
  return symbols;
}

export async function decodePng(png: Uint8Array): Promise<DecodedSymbol[]> {
  const dir = await mkdtemp(join(tmpdir(), 'warebench-zbar-'));
  try {
    const file = join(dir, 'label.png');
    await writeFile(file, png);
    const { stdout } = await run('zbarimg', ['--nodbus', '--xml', '-q', file]).catch((error: unknown) => {
      // zbarimg exits 4 when it finds no symbol.
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 4) return { stdout: '' };
      throw error;
    });
    return decodeXml(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
