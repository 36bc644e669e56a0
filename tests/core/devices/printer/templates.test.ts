import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { labelTemplates } from '../../../../electron/core/devices/printer/templates';
import * as lpn from '../../../../electron/core/devices/printer/templates/lpn';
import * as sscc from '../../../../electron/core/devices/printer/templates/sscc';

function example(name: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(new URL(`../../../../resources/labels/examples/${name}.json`, import.meta.url), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`example ${name} is not an object`);
  return { ...parsed };
}

function zodPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((issue) => issue.path.join('.'));
    throw error;
  }
  throw new Error('expected a ZodError');
}

describe('lpn template', () => {
  it('builds the exact label', () => {
    expect(lpn.build(lpn.LpnLabelInput.parse(example('lpn')))).toBe(
      [
        '^XA',
        '^CI28^PW812^LL609^LH0,0',
        '^FO25,15^A0N,22,22^FDLPN^FS',
        '^BY3^FO189,45^BCN,150,N,N,N^FD>:LPN0001234^FS',
        '^FO25,208^A0N,44,44^FDLPN0001234^FS',
        '^FO0,265^GB812,3,3,B,0^FS',
        '^FO25,278^A0N,38,38^FDWID-100^FS',
        '^FO25,322^A0N,24,24^FDWidget, blue, 100 mm^FS',
        '^FO25,362^A0N,42,42^FDQTY 24 EA^FS',
        '^FO430,368^A0N,32,32^FDLOT L2405A^FS',
        '^FO0,420^GB812,3,3,B,0^FS',
        '^FO25,432^A0N,22,22^FDPUT AWAY TO^FS',
        '^FO25,465^A0N,120,120^FDA-12-03-B^FS',
        '^XZ',
        '',
      ].join('\n'),
    );
  });

  it('scales the layout to 300 dpi', () => {
    const zpl = lpn.build({ ...lpn.LpnLabelInput.parse(example('lpn')), dpi: 300 });
    expect(zpl).toContain('^PW1200^LL900');
    expect(zpl).toContain('^BY4^FO');
  });
});

describe('shipping template', () => {
  it('centres the tracking barcode and puts the SSCC in GS1-128 with its (00) line', () => {
    const zpl = labelTemplates.shipping.build(example('shipping'));
    expect(zpl.startsWith('^XA\n^CI28^PW812^LL1218^LH0,0\n')).toBe(true);
    expect(zpl).toContain('\n^BY3^FO57,650^BCN,130,N,N,N^FD>:1Z999AA10123456784^FS\n');
    expect(zpl).toContain(
      '\n^BY4^FO94,890^BCN,200,N,N,N^FD>;>800106141411234567897^FS^FO94,1100^A0N,30,30^FB624,1,0,C,0^FD(00)106141411234567897^FS\n',
    );
    expect(zpl).toContain('^FDCARTON 2 OF 3^FS');
    expect(zpl).toContain('^FD12.4 KG^FS');
    expect(zpl).toContain('^FDORDER SO-10045^FS');
    expect(zpl).toContain('^FDContoso Retail Store 114^FS');
  });

  it('adds the SSCC check digit to 17 digits', () => {
    const zpl = labelTemplates.shipping.build({ ...example('shipping'), sscc: '10614141123456789' });
    expect(zpl).toContain('^FD(00)106141411234567897^FS');
  });

  it('names every bad field', () => {
    const bad = { ...example('shipping'), sscc: '106141411234567890', carton: { number: 4, of: 3 }, trackingNumber: 'Ä1' };
    expect(zodPaths(() => labelTemplates.shipping.build(bad)).sort()).toEqual(['carton.number', 'sscc', 'trackingNumber'].sort());
  });
});

describe('sscc template', () => {
  it('stacks content, lot/date and SSCC barcodes with the SSCC last', () => {
    const input = sscc.SsccLabelInput.parse(example('sscc'));
    expect(sscc.ssccLabelBarcodes(input)).toEqual([
      [
        { ai: '02', value: '09506000134352' },
        { ai: '37', value: '24' },
      ],
      [
        { ai: '3103', value: '018250' },
        { ai: '17', value: '261231' },
        { ai: '10', value: 'L2405A' },
      ],
      [{ ai: '00', value: '106141411234567897' }],
    ]);
    const zpl = sscc.build(input);
    expect(zpl).toContain('^BY3^FO172,460^BCN,150,N,N,N^FD>;>802095060001343523724^FS');
    expect(zpl).toContain('^BY3^FO57,680^BCN,150,N,N,N^FD>;>831030182501726123110>6L2405A^FS');
    expect(zpl).toContain('^BY4^FO94,900^BCN,200,N,N,N^FD>;>800106141411234567897^FS');
    expect(zpl).toContain('^FDUSE BY (dd.mm.yy)^FS');
    expect(zpl).toContain('^FD31.12.26^FS');
    expect(zpl.indexOf('(02)09506000134352(37)24')).toBeLessThan(zpl.indexOf('(00)106141411234567897'));
  });

  it('pads a GTIN-13 to 14 digits and refuses a bad GTIN check digit', () => {
    const input = sscc.SsccLabelInput.parse({ ...example('sscc'), content: { gtin: '9506000134352', count: 5 } });
    expect(input.content?.gtin).toBe('09506000134352');
    expect(zodPaths(() => sscc.SsccLabelInput.parse({ ...example('sscc'), content: { gtin: '9506000134353', count: 5 } }))).toEqual([
      'content.gtin',
    ]);
    expect(zodPaths(() => sscc.SsccLabelInput.parse({ ...example('sscc'), lot: 'LOT 1', expiry: '2026-13-01' })).sort()).toEqual([
      'expiry',
      'lot',
    ]);
  });

  it('prints only the SSCC barcode when the unit has no content data', () => {
    const zpl = sscc.build({ from: { name: 'Northwind' }, sscc: '106141411234567897' });
    expect(zpl.match(/\^BC/g)).toHaveLength(1);
  });
});
