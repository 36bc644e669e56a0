import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demo } from '../../../shared/demo/dataset';
import type { PackState } from '../../../shared/domain/packing';
import { parseScan } from '../../../shared/scan';
import { COMMAND_PREFIX, commandBarcode, parseCommandBarcode, type ScanCommand } from '../../../shared/scan/command';
import { decodePng } from '../../support/devices/zbar';
import { collectAnswers } from './support/answers';
import { snapshot, state, unitGtin } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

describe('command barcodes as the station reads them', () => {
  it.each<[string, ScanCommand]>([
    ['!WB:CLOSE-CARTON', { name: 'close-carton' }],
    ['!WB:NEXT-CARTON', { name: 'next-carton' }],
    ['!WB:REPRINT', { name: 'reprint' }],
    ['!WB:WEIGH', { name: 'weigh' }],
    ['!WB:PUT-DOWN', { name: 'put-down' }],
    ['!WB:CANCEL', { name: 'cancel' }],
    ['!WB:CONFIRM', { name: 'confirm' }],
    ['!WB:CARTON-TYPE:BOX-M', { name: 'carton-type', cartonType: 'BOX-M' }],
    ['  !wb:close-carton\r', { name: 'close-carton' }],
  ])('%j is %j', (data, command) => {
    expect(parseCommandBarcode(data)).toEqual({ kind: 'command', command });
  });

  it('prints every command as the text it reads back', () => {
    const all: ScanCommand[] = [
      { name: 'close-carton' },
      { name: 'next-carton' },
      { name: 'reprint' },
      { name: 'weigh' },
      { name: 'put-down' },
      { name: 'cancel' },
      { name: 'confirm' },
      { name: 'carton-type', cartonType: 'BOX-XL' },
    ];
    for (const command of all) expect(parseCommandBarcode(commandBarcode(command))).toEqual({ kind: 'command', command });
  });

  it.each([
    '!WB:',
    '!WB:SELF-DESTRUCT',
    '!WB:CLOSE-CARTON:NOW',
    '!WB:CARTON-TYPE:',
    '!WB:CARTON-TYPE:BOX M',
    '!WB:CARTON-TYPE:BOX\u001dM',
    `!WB:CARTON-TYPE:${'X'.repeat(65)}`,
    `!WB:${'A'.repeat(500)}`,
    '!WB:__proto__',
    '!WB:constructor',
    '!WB:CLOSE\u0000CARTON',
    '!WB:ＣＬＯＳＥ-CARTON',
  ])('refuses the hostile or damaged command %j as no command of ours', (data) => {
    const parsed = parseCommandBarcode(data);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.text.length).toBeLessThanOrEqual(40);
  });

  it.each([
    '04012345000013',
    '(00)340123450000000018',
    ']C1000340123450000000018',
    'SO-2001',
    'WB:CLOSE-CARTON',
    'https://id.gs1.org/01/04012345000013',
    '',
  ])('leaves %j to the goods, orders and labels', (data) => {
    expect(parseCommandBarcode(data)).toEqual({ kind: 'none' });
  });

  it('cannot be mistaken for goods: no GS1 reading of a command barcode carries a GTIN or an SSCC', () => {
    const read = parseScan(`${COMMAND_PREFIX}CLOSE-CARTON`);
    expect(read.ok && (read.gtin ?? read.sscc)).toBeFalsy();
  });
});

const suite = usePackSuite();
const run = promisify(execFile);
const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/zbarimg');

const openCarton = (s: PackState) => s.cartons.find((c) => c.id === s.openCartonId);

describe('command barcodes at the pack bench', () => {
  it('CLOSE CARTON closes the weighed and labelled carton; before that it says what is missing and changes nothing', async () => {
    await suite.scan(demo.order);
    for (const gtin of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(gtin);
    const before = snapshot(suite.t);
    expect(await suite.scan('!WB:CLOSE-CARTON')).toMatchObject({ outcome: 'refused', message: { code: 'packing.weighBeforeClose' } });
    expect(snapshot(suite.t)).toEqual(before);

    await suite.bench.putOnScale(1.09);
    // WEIGH weighs and, in tolerance, prints the label.
    expect(await suite.scan('!WB:WEIGH')).toMatchObject({ outcome: 'accepted', message: { code: 'packing.autoLabelPrinted' } });
    await suite.bench.labels.nextJob();
    expect(await suite.scan('!WB:CLOSE-CARTON')).toMatchObject({
      outcome: 'accepted',
      message: { code: 'packing.cartonClosedAllPacked', params: { carton: 1 } },
    });
    const s = await state(suite.t);
    expect(s.cartons[0]?.state).toBe('closed');
    // Not hands-free here: the packer closes the shipment.
    expect(s.step).toBe('close-shipment');
  }, 30_000);

  it('REPRINT sends the same label again with its reason', async () => {
    await suite.scan(demo.order);
    for (const gtin of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(gtin);
    await suite.bench.putOnScale(1.09);
    await suite.scan('!WB:WEIGH');
    const first = (await suite.bench.labels.nextJob()).toString('latin1');
    expect(await suite.scan('!WB:REPRINT')).toMatchObject({ outcome: 'accepted', message: { code: 'packing.labelSentAgain' } });
    expect((await suite.bench.labels.nextJob()).toString('latin1')).toBe(first);
    expect(openCarton(await state(suite.t))?.label?.prints).toBe(2);
  }, 30_000);

  it('CARTON TYPE sets the type of the open carton; an unknown type is refused and changes nothing', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    expect(await suite.scan('!WB:CARTON-TYPE:BOX-L')).toMatchObject({ outcome: 'accepted', message: { code: 'packing.cartonChosen' } });
    expect(openCarton(await state(suite.t))?.cartonType).toBe('BOX-L');
    const before = snapshot(suite.t);
    expect(await suite.scan('!WB:CARTON-TYPE:NO-SUCH-BOX')).toMatchObject({ outcome: 'refused', message: { code: 'errors.notFound' } });
    expect(snapshot(suite.t)).toEqual(before);
  });

  it('PUT ORDER DOWN asks first (blue) and puts the order down on the second scan; any other scan drops the question', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const before = snapshot(suite.t);
    const asked = await suite.scan('!WB:PUT-DOWN');
    expect(asked).toMatchObject({ outcome: 'needs_input', reason: 'confirm', message: { code: 'packing.confirmPutDown' } });
    expect(asked.message.params).toMatchObject({ document: demo.order, count: 1 });
    expect((await state(suite.t)).confirm).toEqual({ command: 'put-down' });
    expect(snapshot(suite.t)).toMatchObject({ units: (before as { units: unknown }).units });
    // A goods scan in between: the question is gone, the unit counts.
    expect((await suite.scan(unitGtin('mug'))).outcome).toBe('accepted');
    expect((await state(suite.t)).confirm).toBeNull();
    expect(await suite.scan('!WB:CONFIRM')).toMatchObject({ outcome: 'refused', message: { code: 'packing.nothingToConfirm' } });

    await suite.scan('!WB:PUT-DOWN');
    expect(await suite.scan('!WB:PUT-DOWN')).toMatchObject({ outcome: 'accepted', message: { code: 'packing.orderPutDown' } });
    const s = await state(suite.t);
    expect(s.order).toBeNull();
    expect(suite.t.db.prepare('SELECT COUNT(*) AS n FROM pack_units').get()).toEqual({ n: 0 });
  });

  it('CANCEL asks first, CONFIRM empties the open carton back into the tote; CANCEL during another question keeps everything', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    await suite.scan(unitGtin('mug'));
    const before = snapshot(suite.t);
    await suite.scan('!WB:PUT-DOWN');
    expect(await suite.scan('!WB:CANCEL')).toMatchObject({ outcome: 'accepted', message: { code: 'packing.commandCancelled' } });
    expect(snapshot(suite.t)).toEqual(before);
    expect((await state(suite.t)).order?.number).toBe(demo.order);

    expect(await suite.scan('!WB:CANCEL')).toMatchObject({
      outcome: 'needs_input',
      message: { code: 'packing.confirmCancelCarton', params: { carton: 1, count: 2 } },
    });
    expect(await suite.scan('!WB:CONFIRM')).toMatchObject({ outcome: 'accepted', message: { code: 'packing.cartonCancelled' } });
    const s = await state(suite.t);
    expect(s.order?.number).toBe(demo.order);
    expect(s.remainingUnits).toBe(3);
    expect(s.openCartonId).toBeNull();
  });

  it('refuses a damaged command barcode red, journals nothing and changes nothing', async () => {
    const answers = collectAnswers(suite.t);
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const before = snapshot(suite.t);
    const journal = suite.t.db.prepare('SELECT COUNT(*) AS n FROM journal').get();
    expect(await suite.scan('!WB:SELF-DESTRUCT')).toMatchObject({
      outcome: 'refused',
      sound: 'bad',
      reason: 'unknown_command',
      message: { code: 'packing.unknownCommand' },
    });
    expect(snapshot(suite.t)).toEqual(before);
    expect(suite.t.db.prepare('SELECT COUNT(*) AS n FROM journal').get()).toEqual(journal);
    expect(answers.all.at(-1)?.data).toBe('!WB:SELF-DESTRUCT');
  });

  it('needs an order on the bench', async () => {
    expect(await suite.scan('!WB:CLOSE-CARTON')).toMatchObject({ outcome: 'refused', message: { code: 'packing.noOrderOpen' } });
    expect(await suite.scan('!WB:PUT-DOWN')).toMatchObject({ outcome: 'refused', message: { code: 'packing.noOrderOpen' } });
  });

  it('prints the command sheet as a PDF with every command and carton type', async () => {
    const sheet = await suite.t.call<{ pdf: string }>('packing.commandSheet', {
      title: 'Befehle',
      names: {
        'close-carton': 'Karton schließen',
        'next-carton': 'Nächster Karton',
        reprint: 'Etikett neu drucken',
        weigh: 'Erneut wiegen',
        'put-down': 'Auftrag ablegen',
        cancel: 'Abbrechen',
        confirm: 'Bestätigen',
      },
      cartonType: 'Kartontyp',
    });
    const pdf = Buffer.from(sheet.pdf.replace('data:application/pdf;base64,', ''), 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPoppler) return;
    const file = join(suite.t.dir, 'commands.pdf');
    writeFileSync(file, pdf);
    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
    for (const name of ['Befehle', 'Karton schließen', 'Bestätigen', 'Kartontyp: BOX-M']) expect(text).toContain(name);
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(suite.t.dir, 'commands')]);
    const symbols = await decodePng(readFileSync(join(suite.t.dir, 'commands.png')));
    const read = symbols.map((sym) => sym.data);
    for (const data of ['!WB:CLOSE-CARTON', '!WB:NEXT-CARTON', '!WB:REPRINT', '!WB:WEIGH', '!WB:PUT-DOWN', '!WB:CANCEL', '!WB:CONFIRM'])
      expect(read).toContain(data);
    // Every barcode on the sheet is a command the station takes.
    for (const data of read) expect(parseCommandBarcode(data).kind).toBe('command');
    expect(read.some((data) => data.startsWith('!WB:CARTON-TYPE:'))).toBe(true);
  });
});
