import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Location } from '../../shared/domain/master-data';
import { upsertLocations } from '../data/master-data';
import { bulkUpsertRoute, type ErpRouteOptions } from './site-resources';

/** The site's storage locations, from the ERP. */
export const locationRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'locations',
    key: 'locations',
    schema: Location,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertLocations(db, siteId, records),
  });
};
