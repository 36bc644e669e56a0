import type { Item } from '../../shared/domain/master-data';

/** The sync bench's catalog, items `from` up to `to`: made a slice at a time, where and when each slice is needed. */
export function benchItems(from: number, to: number): Item[] {
  return Array.from({ length: to - from }, (_, k): Item => {
    const i = from + k;
    return {
      id: `IT${String(i).padStart(7, '0')}`,
      sku: `SKU${i}`,
      description: `Bench item number ${i}`,
      barcodes: [{ code: String(10_000_000_000 + i).padStart(14, '0'), packQty: 1 }],
      unitWeightG: 100 + (i % 900),
      lengthMm: 100,
      widthMm: 80,
      heightMm: 50,
      lotTracked: i % 3 === 0,
      serialTracked: false,
      expiryTracked: i % 5 === 0,
      minShelfLifeDays: 0,
      itemClass: 'general',
      homeLocation: null,
      overReceiptTolerancePct: null,
      active: true,
    };
  });
}
