import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { requireItem } from './lookups';
import { type OpHandler, Rejection } from './rejection';

/**
 * An inspection at receipt: its units' results and the photo, kept for the ERP. The units themselves arrive as
 * receipt lines (failed units held, passed ones free), so a failed unit never blocks the rest of the receipt.
 */
export const inspectionRecord: OpHandler<'inspection.record'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  await requireItem(trx, siteId, p.itemId);
  const failed = p.units.filter((u) => !u.passed).length;
  const inserted = await trx
    .insertInto('inspections')
    .values({
      site_id: siteId,
      id: p.inspectionId,
      receipt_id: p.receiptId,
      po_id: p.poId,
      item_id: p.itemId,
      units: JSON.stringify(p.units),
      answers: JSON.stringify(p.answers),
      passed: p.units.length - failed,
      failed,
      photo: p.photo ? Buffer.from(p.photo.base64, 'base64') : null,
      photo_mime: p.photo?.mime ?? null,
      station_id: ctx.stationId,
      operator_id: op.operatorId,
      op_id: op.opId,
      at: op.at,
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new Rejection('invalid_op', `inspection "${p.inspectionId}" was already recorded`);
};

export async function inspectionOf(db: Kysely<ServerDatabase>, siteId: string, id: string) {
  return db
    .selectFrom('inspections')
    .select(['id', 'receipt_id', 'po_id', 'item_id', 'units', 'passed', 'failed', 'photo_mime', 'station_id', 'operator_id', 'at'])
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function inspectionPhoto(db: Kysely<ServerDatabase>, siteId: string, id: string) {
  return db.selectFrom('inspections').select(['photo', 'photo_mime']).where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

/** A photo of damaged or quarantined goods of a receipt, as the station's camera took it. */
export const receiptPhoto: OpHandler<'receipt.photo'> = async (ctx) => {
  const { trx, siteId, op } = ctx;
  const p = op.payload;
  const inserted = await trx
    .insertInto('receipt_photos')
    .values({
      site_id: siteId,
      id: p.photoId,
      receipt_id: p.receiptId,
      po_id: p.poId,
      condition: p.condition,
      reason: p.reason,
      photo: Buffer.from(p.photo.base64, 'base64'),
      photo_mime: p.photo.mime,
      station_id: ctx.stationId,
      operator_id: op.operatorId,
      op_id: op.opId,
      at: op.at,
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new Rejection('invalid_op', `receipt photo "${p.photoId}" was already recorded`);
};
