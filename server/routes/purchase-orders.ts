import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PurchaseOrder } from '../../shared/domain/master-data';
import { upsertPurchaseOrders } from '../data/master-data';
import { bulkUpsertRoute, type ErpRouteOptions } from './site-resources';

/** Purchase orders, from the ERP; received quantities stay the server's. */
export const purchaseOrderRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'purchase-orders',
    key: 'purchaseOrders',
    schema: PurchaseOrder,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertPurchaseOrders(db, siteId, records),
  });
};
