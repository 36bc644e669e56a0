import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { Rejection } from './rejection';

export async function requireItem(trx: Kysely<ServerDatabase>, siteId: string, itemId: string) {
  const item = await trx
    .selectFrom('items')
    .select(['id', 'home_location', 'over_receipt_tolerance_pct', 'active'])
    .where('site_id', '=', siteId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw new Rejection('unknown_item', `item "${itemId}" is not in this site's master data`);
  return item;
}

/** The order, locked against a concurrent cancellation until this op commits. */
export async function requireOpenOrder(trx: Kysely<ServerDatabase>, siteId: string, orderId: string) {
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'status'])
    .where('site_id', '=', siteId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw new Rejection('unknown_order', `order "${orderId}" is not known to the server`);
  if (order.status === 'cancelled') throw new Rejection('order_cancelled', `order "${orderId}" was cancelled`);
  return order;
}
