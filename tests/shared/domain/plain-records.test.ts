import { describe, expect, it } from 'vitest';
import { Item, itemFromFields, itemFromPlainRecord } from '../../../shared/domain/master-data';
import {
  itemRecordFromRow,
  itemRowField,
  packedItemsValid,
  packItem,
  parseSnapshotFrame,
  readPackedItems,
  SNAPSHOT_ITEM_COLUMNS,
  SnapshotFrame,
} from '../../../shared/sync-protocol';

const full = {
  id: 'ITM-1',
  sku: 'SKU-1',
  description: 'Bolt M8',
  barcodes: [
    { code: '00012345678905', packQty: 1 },
    { code: '10012345678902', packQty: 12 },
  ],
  unitWeightG: 12.5,
  lengthMm: 40,
  widthMm: 8,
  heightMm: 8,
  lotTracked: true,
  serialTracked: false,
  expiryTracked: true,
  minShelfLifeDays: 30,
  itemClass: 'hazmat',
  homeLocation: 'A-01-01',
  overReceiptTolerancePct: 5,
  active: false,
};
const minimal = { id: 'ITM-2', sku: 'S2', description: '', unitWeightG: 0 };

const refused: [string, unknown][] = [
  ['not an object', 'ITM-1'],
  ['an array', [full]],
  ['no id', { ...full, id: undefined }],
  ['an id with a space', { ...full, id: 'ITM 1' }],
  ['an id too long', { ...full, id: 'X'.repeat(65) }],
  ['an empty sku', { ...full, sku: '' }],
  ['a description too long', { ...full, description: 'd'.repeat(201) }],
  ['a weight as text', { ...full, unitWeightG: '12' }],
  ['a negative weight', { ...full, unitWeightG: -1 }],
  ['a length too large', { ...full, lengthMm: 100_001 }],
  ['a fractional shelf life', { ...full, minShelfLifeDays: 1.5 }],
  ['a flag as text', { ...full, lotTracked: 'yes' }],
  ['an unknown item class', { ...full, itemClass: 'frozen' }],
  ['a null item class', { ...full, itemClass: null }],
  ['a home location as number', { ...full, homeLocation: 7 }],
  ['a tolerance above 1000', { ...full, overReceiptTolerancePct: 1001 }],
  ['a barcode without code', { ...full, barcodes: [{ packQty: 1 }] }],
  ['a barcode with pack quantity 0', { ...full, barcodes: [{ code: 'X', packQty: 0 }] }],
  ['barcodes not a list', { ...full, barcodes: 'X' }],
  ['51 barcodes', { ...full, barcodes: Array.from({ length: 51 }, (_, i) => ({ code: `C${i}` })) }],
];

describe('items checked field by field for the initial sync', () => {
  it('gives what the Item schema gives, defaults included', () => {
    for (const record of [full, minimal, { ...minimal, barcodes: [{ code: 'X' }] }, { ...full, homeLocation: null }]) {
      expect(itemFromPlainRecord(record)).toEqual(Item.parse(record));
    }
  });

  it.each(refused)('leaves a record with %s to the Item schema, which refuses it too', (_, record) => {
    expect(itemFromPlainRecord(record)).toBeUndefined();
    expect(Item.safeParse(record).success).toBe(false);
  });
});

describe('snapshot frames checked by envelope and change', () => {
  const rows = {
    type: 'rows',
    cursor: 9,
    changes: [
      { seq: 8, entity: 'item', op: 'upsert', id: 'ITM-1', record: full },
      { seq: 9, entity: 'hold', op: 'delete', id: 'H-1' },
    ],
  };

  it('reads a rows frame as the SnapshotFrame schema does', () => {
    expect(parseSnapshotFrame(rows)).toEqual(SnapshotFrame.safeParse(rows));
  });

  it.each([
    ['a seq of 0', { seq: 0, entity: 'item', op: 'upsert', id: 'A' }],
    ['an unknown entity', { seq: 1, entity: 'pallet', op: 'upsert', id: 'A' }],
    ['an unknown op', { seq: 1, entity: 'item', op: 'merge', id: 'A' }],
    ['an empty id', { seq: 1, entity: 'item', op: 'delete', id: '' }],
  ])('refuses a rows frame with a change of %s, with the schema message', (_, change) => {
    const frame = { ...rows, changes: [...rows.changes, change] };
    const parsed = parseSnapshotFrame(frame);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toBe(SnapshotFrame.safeParse(frame).error?.message);
  });

  it('reads the other frames with the SnapshotFrame schema', () => {
    const end = { type: 'end', cursor: 9, rows: 2 };
    expect(parseSnapshotFrame(end)).toEqual(SnapshotFrame.safeParse(end));
    expect(parseSnapshotFrame({ type: 'rows', cursor: -1, changes: [] }).success).toBe(false);
  });
});

describe('compact snapshot rows', () => {
  const rowOf = (record: Record<string, unknown>) => SNAPSHOT_ITEM_COLUMNS.map((column) => record[column] ?? null);

  it('give the item the record gives, defaults where the row has null', () => {
    for (const record of [full, minimal, { ...full, homeLocation: null }]) {
      const row = rowOf(record);
      expect(itemFromFields((name) => itemRowField(row, name))).toEqual(Item.parse(record));
      expect(Item.parse(itemRecordFromRow(row))).toEqual(Item.parse(record));
    }
  });

  it('read null as a field the record does not have: an item class of null is the default class', () => {
    const row = rowOf({ ...full, itemClass: null });
    expect(itemFromFields((name) => itemRowField(row, name))?.itemClass).toBe('general');
  });

  // A row's null is "not given", so a null item class is left out here (see above).
  it.each(
    refused.filter(
      ([what, record]) => typeof record === 'object' && record !== null && !Array.isArray(record) && what !== 'a null item class',
    ),
  )('leave a row with %s to the Item schema, which refuses it too', (_, record) => {
    const row = rowOf(record as Record<string, unknown>);
    expect(itemFromFields((name) => itemRowField(row, name))).toBeUndefined();
    expect(Item.safeParse(itemRecordFromRow(row)).success).toBe(false);
  });

  it('an items frame is read as the SnapshotFrame schema reads it, and refused the same way', () => {
    const frame = { type: 'items', cursor: 12, rows: [rowOf(full), rowOf(minimal)] };
    expect(parseSnapshotFrame(frame)).toEqual(SnapshotFrame.safeParse(frame));
    for (const bad of [
      { ...frame, rows: [...frame.rows, 'ITM-3'] },
      { ...frame, rows: [[...rowOf(full), 'one field too many']] },
      { ...frame, cursor: -1 },
      { ...frame, rows: 'none' },
    ]) {
      const parsed = parseSnapshotFrame(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.message).toBe(SnapshotFrame.safeParse(bad).error?.message);
    }
  });
});

describe('packed snapshot items', () => {
  const items = [
    Item.parse(full),
    Item.parse(minimal),
    Item.parse({ ...full, id: 'ITM-3', description: 'Größe 🍺 "x" \\', overReceiptTolerancePct: 0 }),
    // Every number different from every other, so two fields read in each other's place would show.
    Item.parse({
      ...full,
      id: 'ITM-4',
      unitWeightG: 3.25,
      lengthMm: 41,
      widthMm: 9,
      heightMm: 7,
      minShelfLifeDays: 11,
      overReceiptTolerancePct: 6,
    }),
  ];
  const packed = (list: Item[]) => {
    const texts: string[] = [];
    const numbers: number[] = [];
    for (const i of list) packItem(i, texts, numbers);
    return { type: 'packed' as const, count: list.length, text: texts.join(''), numbers, cursor: 7 };
  };
  /** What the station makes of a packed frame one item at a time: undefined where the frame does not add up. */
  const readOneByOne = (frame: { count: number; text: string; numbers: readonly number[] }) => {
    const read: (Item | undefined)[] = [];
    return readPackedItems(frame, (field) => read.push(itemFromFields(field))) ? read : undefined;
  };

  it('give back every item as it was packed, through JSON and the frame check', () => {
    const frame = JSON.parse(JSON.stringify(packed(items)));
    const parsed = parseSnapshotFrame(frame);
    expect(parsed).toEqual(SnapshotFrame.safeParse(frame));
    if (parsed.data?.type !== 'packed') throw new Error('not a packed frame');
    expect(readOneByOne(parsed.data)).toEqual(items);
    expect(packedItemsValid(parsed.data)).toBe(true);
  });

  it('are taken whole only where every item is one as it stands: the quick check agrees with the item-by-item one', () => {
    const frame = packed(items);
    const candidates = [-2, -1, 0, 0.5, 1, 2, 13, 14, 50, 51, 64, 65, 200, 201, 1000, 1001, 10_000, 10_001, 100_000, 100_001, 1e7, 1e7 + 1];
    let refusedByBoth = 0;
    for (let at = 0; at < frame.numbers.length; at++) {
      for (const value of candidates) {
        const numbers = frame.numbers.with(at, value);
        const oneByOne = readOneByOne({ ...frame, numbers });
        const allTaken = oneByOne?.every((i) => i !== undefined) === true;
        expect(packedItemsValid({ ...frame, numbers }), `number ${at} = ${value}`).toBe(allTaken);
        if (!allTaken) refusedByBoth++;
      }
    }
    for (const text of [
      frame.text.replace('ITM-1', 'ITM 1'),
      frame.text.replace('hazmat', 'hazmax'),
      `${frame.text}x`,
      frame.text.slice(1),
    ]) {
      const oneByOne = readOneByOne({ ...frame, text });
      expect(packedItemsValid({ ...frame, text })).toBe(oneByOne?.every((i) => i !== undefined) === true);
      expect(packedItemsValid({ ...frame, text })).toBe(false);
    }
    expect(refusedByBoth).toBeGreaterThan(100);
  });

  it('a packed frame is refused as the SnapshotFrame schema refuses it', () => {
    const frame = packed(items);
    for (const bad of [
      { ...frame, numbers: [...frame.numbers, '1'] },
      { ...frame, count: -1 },
      { ...frame, text: 5 },
      { ...frame, cursor: 1.5 },
    ]) {
      const parsed = parseSnapshotFrame(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.message).toBe(SnapshotFrame.safeParse(bad).error?.message);
    }
  });
});
