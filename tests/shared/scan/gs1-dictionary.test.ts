import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aiEntry, allAis, validLengths } from '../../../shared/scan/gs1/ai-table';
import { DictionaryError, dictionaryRelease, parseDictionary, renderAiTable } from '../../../shared/scan/gs1/dictionary';
import { LINTERS } from '../../../shared/scan/gs1/linters';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');
const dictionary = read('resources/gs1/gs1-syntax-dictionary.txt');

describe('AI table generated from GS1 Barcode Syntax Dictionary', () => {
  it('is exactly what regenerating from the shipped dictionary gives (run `npx tsx scripts/gs1-generate.ts` after a dictionary update)', () => {
    expect(read('shared/scan/gs1/ai-table.generated.ts')).toBe(renderAiTable(dictionary));
  });

  it('ships the dictionary with its licence header and the licence', () => {
    expect(dictionary).toContain('Licensed under the Apache License, Version 2.0');
    expect(read('resources/gs1/LICENSE')).toContain('Apache License');
    expect(dictionaryRelease(dictionary)).toBe('UNSET');
  });

  it('has an entry for every AI of every line, ranges expanded', () => {
    const lines = dictionary.split('\n').filter((line) => /^\d/.test(line));
    const expected = lines.reduce((sum, line) => {
      const [first = '', last] = (line.split(/\s+/)[0] ?? '').split('-');
      return sum + (last === undefined ? 1 : Number(last) - Number(first) + 1);
    }, 0);
    expect(allAis()).toHaveLength(expected);
    expect(aiEntry('3100')?.title).toBe('NET WEIGHT (kg)');
    expect(aiEntry('3105')?.title).toBe('NET WEIGHT (kg)');
    expect(aiEntry('3106')).toBeUndefined();
    expect(aiEntry('95')?.components).toEqual([{ type: 'X', min: 1, max: 90, optional: false, linters: [] }]);
  });

  it('captures components, types, optional parts and linters', () => {
    expect(aiEntry('7011')?.components).toEqual([
      { type: 'N', min: 6, max: 6, optional: false, linters: ['yymmdd'] },
      { type: 'N', min: 4, max: 4, optional: true, linters: ['hhmi'] },
    ]);
    expect(aiEntry('8010')?.components[0]).toMatchObject({ type: 'Y', min: 1, max: 30 });
    expect(aiEntry('8030')?.components[0]).toMatchObject({ type: 'Z', min: 1, max: 90 });
    expect(validLengths(aiEntry('8001') ?? fail())).toEqual({ fixed: [14] });
    expect(validLengths(aiEntry('423') ?? fail())).toEqual({ fixed: [3, 6, 9, 12, 15] });
    expect(validLengths(aiEntry('235') ?? fail())).toEqual({ min: 1, max: 28 });
  });

  it('captures which AIs need a GS after them, Digital Link flags, pairing rules and qualifier orders', () => {
    expect(aiEntry('01')).toMatchObject({
      fnc1: false,
      dlDataAttribute: true,
      excludes: ['255', '37'],
      dlPrimaryKey: [['22', '10', '21'], ['235']],
    });
    expect(aiEntry('10')).toMatchObject({ fnc1: true, dlDataAttribute: true, requires: [[['01'], ['02'], ['03'], ['8006'], ['8026']]] });
    expect(aiEntry('21')).toMatchObject({ dlDataAttribute: false, excludes: ['235'] });
    expect(aiEntry('250')?.requires).toEqual([
      [
        ['01', '21'],
        ['03', '21'],
        ['8006', '21'],
      ],
    ]);
    expect(aiEntry('00')?.dlPrimaryKey).toEqual([[]]);
    expect(aiEntry('414')?.dlPrimaryKey).toEqual([['254'], ['7040']]);
    expect(aiEntry('8111')).toMatchObject({ title: 'POINTS', requires: [[['255']]] });
    expect(aiEntry('8100')).toBeUndefined();
  });

  it('names only linters that are implemented', () => {
    const named = new Set(allAis().flatMap((entry) => entry.components.flatMap((c) => c.linters)));
    expect([...named].filter((name) => LINTERS[name] === undefined)).toEqual([]);
  });

  it('refuses a dictionary line it cannot read, naming the line', () => {
    expect(() => parseDictionary('01  *  Q14  # BAD')).toThrow(DictionaryError);
    expect(() => parseDictionary('# header\n01  *  N14 frob=1  # GTIN')).toThrow('line 2: unknown attribute "frob=1"');
    expect(parseDictionary('# only comments\n\n')).toEqual([]);
  });
});

function fail(): never {
  throw new Error('missing AI entry');
}
