import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Order } from '../../shared/domain/master-data';
import { assertSite, setOrderStatus, upsertOrders } from '../data/master-data';
import { HttpError } from '../http-error';
import { erpSecurity } from '../plugins/docs';
import { bulkUpsertRoute, type ErpRouteOptions, SiteParams } from './site-resources';

/** Sales orders, from the ERP, and their cancellation. */
export const orderRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'orders',
    key: 'orders',
    schema: Order,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertOrders(db, siteId, records),
  });

  app.post(
    '/sites/:siteId/orders/:orderId/cancel',
    {
      schema: {
        tags: ['erp'],
        security: erpSecurity,
        summary: 'Cancel an order; stations are told at once',
        params: SiteParams.extend({ orderId: z.string().min(1).max(64) }),
        response: { 200: z.object({ orderId: z.string(), status: z.string() }) },
      },
    },
    async (request) => {
      const { siteId, orderId } = request.params;
      return db.transaction().execute(async (trx) => {
        await assertSite(trx, siteId);
        const current = await trx
          .selectFrom('orders')
          .select('status')
          .where('site_id', '=', siteId)
          .where('id', '=', orderId)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw new HttpError(404, 'not_found', `order "${orderId}" not found`);
        if (current.status === 'shipped')
          throw new HttpError(409, 'order_shipped', `order "${orderId}" has shipped and can no longer be cancelled`);
        if (current.status !== 'cancelled') await setOrderStatus(trx, siteId, orderId, 'cancelled');
        return { orderId, status: 'cancelled' };
      });
    },
  );
};
