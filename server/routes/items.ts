import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Item } from '../../shared/domain/master-data';
import { upsertItems } from '../data/master-data';
import { bulkUpsertRoute, type ErpRouteOptions } from './site-resources';

/** The site's items (with their barcodes), from the ERP. */
export const itemRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'items',
    key: 'items',
    schema: Item,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertItems(db, siteId, records),
  });
};
