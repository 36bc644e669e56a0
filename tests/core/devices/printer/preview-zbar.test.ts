import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gs1ScannedData } from '../../../../electron/core/devices/printer/gs1-128';
import { createZplPreviewer, type ZplPreviewer } from '../../../../electron/core/devices/printer/preview';
import { labelTemplates } from '../../../../electron/core/devices/printer/templates';
import { SsccLabelInput, ssccLabelBarcodes } from '../../../../electron/core/devices/printer/templates/sscc';
import { buildLabel } from '../../../../electron/core/devices/printer/zpl';
import { decodePng } from '../../../support/devices/zbar';

function example(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../resources/labels/examples/${name}.json`, import.meta.url), 'utf8'));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const hasZbar = existsSync('/usr/bin/zbarimg');
if (!hasZbar) console.warn('skipping the zbarimg round trips: zbarimg is not installed');

describe.skipIf(!hasZbar)('rendered labels scan back to their data (zpl-renderer-js + zbarimg)', () => {
  let previewer: ZplPreviewer;
  beforeAll(() => {
    previewer = createZplPreviewer();
  });

  it('SSCC label: every GS1-128 barcode decodes as GS1 with its element strings, SSCC with its check digit', async () => {
    const input = SsccLabelInput.parse(example('sscc'));
    const png = await previewer.render(labelTemplates.sscc.build(input));
    expect([...png.subarray(0, 4)]).toEqual(PNG_SIGNATURE);
    const symbols = await decodePng(png);
    const expected = ssccLabelBarcodes(input).map(gs1ScannedData);
    expect(symbols.map((s) => s.data).sort()).toEqual([...expected].sort());
    expect(symbols.every((s) => s.type === 'CODE-128' && s.gs1)).toBe(true);
    expect(symbols.map((s) => s.data)).toContain('00106141411234567897');
  });

  it('shipping label: tracking number as plain Code 128, SSCC as GS1-128', async () => {
    const symbols = await decodePng(await previewer.render(labelTemplates.shipping.build(example('shipping'))));
    expect(symbols).toHaveLength(2);
    expect(symbols).toContainEqual({ type: 'CODE-128', data: '1Z999AA10123456784', gs1: false });
    expect(symbols).toContainEqual({ type: 'CODE-128', data: '00106141411234567897', gs1: true });
  });

  it('a 17-digit SSCC is printed with the check digit the station computed', async () => {
    const data = { ...(example('shipping') as object), sscc: '00950600013400001' };
    const symbols = await decodePng(await previewer.render(labelTemplates.shipping.build(data)));
    const sscc = symbols.find((s) => s.gs1);
    expect(sscc?.data).toBe('00009506000134000015');
  });

  it('LPN label at 300 dpi decodes to the LPN', async () => {
    const data = { ...(example('lpn') as object), dpi: 300 };
    const symbols = await decodePng(await previewer.render(labelTemplates.lpn.build(data), { dpi: 300 }));
    expect(symbols.map((s) => s.data)).toEqual(['LPN0001234']);
  });

  it('FNC1 separates a variable-length element from the next one', async () => {
    const elements = [
      { ai: '10', value: 'LOT7' },
      { ai: '17', value: '261231' },
    ];
    const zpl = buildLabel({ widthDots: 812, heightDots: 300, dpi: 203 }, [
      { kind: 'gs1-128', x: 60, y: 40, height: 150, moduleWidth: 3, elements },
    ]);
    const [symbol] = await decodePng(await previewer.render(zpl));
    expect(symbol).toEqual({ type: 'CODE-128', data: '10LOT7\u001d17261231', gs1: true });
  });

  it('field data that looks like ZPL prints literally (no injection)', async () => {
    // Not ending in ">x": the preview renderer drops a lone character after an invocation code at the very end.
    const nasty = 'Widget ^XZ^XA~JR _5E >8 >: end';
    const zpl = buildLabel({ widthDots: 812, heightDots: 300, dpi: 203 }, [
      { kind: 'text', x: 20, y: 10, height: 30, text: nasty },
      { kind: 'code128', x: 20, y: 60, height: 150, moduleWidth: 2, data: nasty },
    ]);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('~');
    const labels = await previewer.renderAll(zpl);
    expect(labels).toHaveLength(1);
    const symbols = await decodePng(labels[0] ?? new Uint8Array());
    expect(symbols.map((s) => s.data)).toEqual([nasty]);
  });
});
