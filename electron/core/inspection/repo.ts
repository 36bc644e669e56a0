/** The inspections of the station cache: each unit's result and the photo, kept with the record. */
import type { Database } from 'better-sqlite3';
import type { InspectionUnitResult } from '../../../shared/sync-protocol';

export interface InspectionRow {
  id: string;
  receiptId: string;
  itemId: string;
  units: InspectionUnitResult[];
  photo: Buffer | null;
  photoMime: string | null;
  operatorId: string;
  at: string;
}

export function createInspectionRepo(db: Database) {
  const s = {
    insert: db.prepare(`INSERT INTO inspections (id, receipt_id, item_id, units, passed, failed, photo, photo_mime, operator_id, at)
      VALUES (@id, @receiptId, @itemId, @units, @passed, @failed, @photo, @photoMime, @operatorId, @at)`),
    byId: db.prepare('SELECT * FROM inspections WHERE id = ?'),
    insertPhoto: db.prepare(`INSERT INTO receipt_photos (id, receipt_id, condition, reason, photo, photo_mime, operator_id, at)
      VALUES (@id, @receiptId, @condition, @reason, @photo, @photoMime, @operatorId, @at)`),
    item: db.prepare('SELECT id, sku, description, serial_tracked AS serialTracked FROM items WHERE id = ?'),
    poItems: db.prepare(`SELECT i.id AS itemId, i.sku, i.description, sum(l.qty_ordered) AS ordered
      FROM po_lines l JOIN items i ON i.id = l.item_id WHERE l.po_id = ? GROUP BY i.id ORDER BY min(l.line_no)`),
    received: db
      .prepare('SELECT coalesce(sum(qty), 0) FROM receipt_lines WHERE receipt_id = ? AND item_id = ? AND undone_at IS NULL')
      .pluck(),
  };
  return {
    insert(row: InspectionRow): void {
      const failed = row.units.filter((u) => !u.passed).length;
      s.insert.run({ ...row, units: JSON.stringify(row.units), passed: row.units.length - failed, failed });
    },
    get(id: string): { id: string; passed: number; failed: number; photo: Buffer | null; photo_mime: string | null } | undefined {
      return s.byId.get(id) as { id: string; passed: number; failed: number; photo: Buffer | null; photo_mime: string | null } | undefined;
    },
    insertPhoto(row: {
      id: string;
      receiptId: string;
      condition: 'damaged' | 'quarantine';
      reason: string | null;
      photo: Buffer;
      photoMime: string;
      operatorId: string;
      at: string;
    }): void {
      s.insertPhoto.run(row);
    },
    item: (id: string) => {
      const row = s.item.get(id) as { id: string; sku: string; description: string; serialTracked: number } | undefined;
      return row ? { ...row, serialTracked: row.serialTracked === 1 } : undefined;
    },
    /** The items a PO lists, with the units it orders of each. */
    poItems: (poId: string) => s.poItems.all(poId) as { itemId: string; sku: string; description: string; ordered: number }[],
    received: (receiptId: string, itemId: string): number => Number(s.received.get(receiptId, itemId)),
  };
}

export type InspectionRepo = ReturnType<typeof createInspectionRepo>;
