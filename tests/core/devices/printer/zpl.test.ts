import { describe, expect, it } from 'vitest';
import { code128Tokens, encodeCode128, FNC1 } from '../../../../electron/core/devices/printer/code128';
import { gs1HumanReadable, gs1ScannedData, gs1Tokens, netWeightKgElement } from '../../../../electron/core/devices/printer/gs1-128';
import { buildLabel, dotsFromInches, dotsFromMm, fieldData, ZplBuildError, zplBytes } from '../../../../electron/core/devices/printer/zpl';

describe('fieldData', () => {
  it('passes plain text as it is', () => {
    expect(fieldData('Widget 100mm')).toBe('^FDWidget 100mm^FS');
  });

  it('escapes ^ and ~ with ^FH hex so data cannot start a command', () => {
    expect(fieldData('Widget ^XZ^XA~JR')).toBe('^FH^FDWidget _5EXZ_5EXA_7EJR^FS');
  });

  it('escapes the hex escape character and control characters', () => {
    expect(fieldData('a_b')).toBe('^FH^FDa_5Fb^FS');
    expect(fieldData('line1\nline2\r\t\u007f')).toBe('^FH^FDline1_0Aline2_0D_09_7F^FS');
  });

  it('keeps non-ASCII text for ^CI28 (UTF-8)', () => {
    expect(fieldData('Café Zürich')).toBe('^FDCafé Zürich^FS');
    expect([...zplBytes('é')]).toEqual([0xc3, 0xa9]);
  });
});

describe('buildLabel', () => {
  it('builds the exact program for text, box and barcodes', () => {
    const zpl = buildLabel({ widthDots: 812, heightDots: 1218, dpi: 203 }, [
      { kind: 'text', x: 20, y: 30, height: 40, text: 'Widget ^XZ' },
      { kind: 'box', x: 0, y: 100, width: 812, height: 3, thickness: 3 },
      { kind: 'code128', x: 50, y: 120, height: 100, moduleWidth: 3, data: 'LPN0001234' },
      {
        kind: 'gs1-128',
        x: 50,
        y: 300,
        height: 150,
        moduleWidth: 4,
        elements: [{ ai: '00', value: '106141411234567897' }],
        interpretationHeight: 30,
      },
      { kind: 'qr', x: 600, y: 120, magnification: 4, data: 'LPN~1' },
      { kind: 'datamatrix', x: 600, y: 300, moduleSize: 6, data: 'DM123' },
    ]);
    expect(zpl).toBe(
      [
        '^XA',
        '^CI28^PW812^LL1218^LH0,0',
        '^FO20,30^A0N,40,40^FH^FDWidget _5EXZ^FS',
        '^FO0,100^GB812,3,3,B,0^FS',
        '^BY3^FO50,120^BCN,100,N,N,N^FD>:LPN0001234^FS',
        '^BY4^FO50,300^BCN,150,N,N,N^FD>;>800106141411234567897^FS^FO50,460^A0N,30,30^FB624,1,0,C,0^FD(00)106141411234567897^FS',
        '^FO600,120^BQN,2,4^FH^FDMA,LPN_7E1^FS',
        '^FO600,300^BXN,6,200^FDDM123^FS',
        '^XZ',
        '',
      ].join('\n'),
    );
  });

  it('prints copies with ^PQ', () => {
    expect(buildLabel({ widthDots: 400, heightDots: 200, dpi: 203, copies: 3 }, [])).toBe('^XA\n^CI28^PW400^LL200^LH0,0\n^PQ3\n^XZ\n');
  });

  it('refuses coordinates and sizes that are not whole dots', () => {
    expect(() =>
      buildLabel({ widthDots: 812, heightDots: 1218, dpi: 203 }, [{ kind: 'text', x: -1, y: 0, height: 30, text: 'x' }]),
    ).toThrow(ZplBuildError);
    expect(() => buildLabel({ widthDots: 812.5, heightDots: 1218, dpi: 203 }, [])).toThrow(/label width/);
    expect(() => buildLabel({ widthDots: 812, heightDots: 1218, dpi: 203, copies: 0 }, [])).toThrow(/copies/);
    expect(() =>
      buildLabel({ widthDots: 812, heightDots: 1218, dpi: 203 }, [{ kind: 'datamatrix', x: 0, y: 0, moduleSize: 4, data: 'a~b' }]),
    ).toThrow(/DataMatrix/);
  });

  it('converts inches and millimetres to dots', () => {
    expect(dotsFromInches(4, 203)).toBe(812);
    expect(dotsFromInches(6, 300)).toBe(1800);
    expect(dotsFromMm(25.4, 300)).toBe(300);
  });
});

describe('Code 128 subsets', () => {
  it('uses subset B for text and literal > as >0', () => {
    expect(encodeCode128(code128Tokens('A>B')).fieldData).toBe('>:A>0B');
  });

  it('starts in subset C for leading digit pairs and switches to B for the rest', () => {
    expect(encodeCode128(code128Tokens('123456AB'))).toEqual({ fieldData: '>;123456>6AB', symbols: 7 });
  });

  it('never ends with a lone character after a switch', () => {
    expect(encodeCode128(code128Tokens('123456X')).fieldData).toBe('>;1234>656X');
    expect(encodeCode128(code128Tokens('1234567')).fieldData).toBe('>;1234>6567');
    expect(encodeCode128(code128Tokens('1234X')).fieldData).toBe('>:1234X');
  });

  it('stays in subset B for short digit runs', () => {
    expect(encodeCode128(code128Tokens('1Z999AA10123456784')).fieldData).toBe('>:1Z999AA10123456784');
    expect(encodeCode128(code128Tokens('12')).fieldData).toBe('>;12');
  });

  it('encodes FNC1 as >8 in either subset', () => {
    expect(encodeCode128([FNC1, ...'0012', FNC1, ...'10AB']).fieldData).toBe('>;>80012>810>6AB');
  });

  it('refuses characters outside printable ASCII', () => {
    expect(() => code128Tokens('Café')).toThrow(/printable ASCII/);
    expect(() => encodeCode128([FNC1])).toThrow(/empty/);
  });
});

describe('GS1-128 element strings', () => {
  it('puts FNC1 after variable-length elements that are not last', () => {
    const elements = [
      { ai: '10', value: 'LOT7' },
      { ai: '17', value: '261231' },
    ];
    expect(gs1Tokens(elements)).toEqual([FNC1, ...'10LOT7', FNC1, ...'17261231']);
    expect(gs1ScannedData(elements)).toBe('10LOT7\u001d17261231');
    expect(gs1HumanReadable(elements)).toBe('(10)LOT7(17)261231');
  });

  it('refuses a wrong check digit, an unknown AI and bad lengths', () => {
    expect(() => gs1Tokens([{ ai: '00', value: '106141411234567890' }])).toThrow(/check digit/);
    expect(() => gs1Tokens([{ ai: '99', value: 'X' }])).toThrow(/not one Warebench prints/);
    expect(() => gs1Tokens([{ ai: '01', value: '123' }])).toThrow(/14 characters/);
    expect(() => gs1Tokens([{ ai: '10', value: 'LOT 1' }])).toThrow(/may not hold/);
    expect(() => gs1Tokens([{ ai: '17', value: '261331' }])).toThrow(/YYMMDD/);
  });

  it('chooses net weight decimals that fit six digits', () => {
    expect(netWeightKgElement(18.25)).toEqual({ ai: '3103', value: '018250' });
    expect(netWeightKgElement(1234.5)).toEqual({ ai: '3102', value: '123450' });
    expect(netWeightKgElement(250000)).toEqual({ ai: '3100', value: '250000' });
  });
});
