import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CartonType } from '../../shared/domain/master-data';
import { upsertCartonTypes } from '../data/master-data';
import { bulkUpsertRoute, type ErpRouteOptions } from './site-resources';

/** The carton types packing benches choose from, from the ERP. */
export const cartonTypeRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'carton-types',
    key: 'cartonTypes',
    schema: CartonType,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertCartonTypes(db, siteId, records),
  });
};
