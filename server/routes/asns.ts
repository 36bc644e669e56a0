import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Asn } from '../../shared/domain/master-data';
import { upsertAsns } from '../data/master-data';
import { bulkUpsertRoute, type ErpRouteOptions } from './site-resources';

/** Advance shipping notices, from the ERP. */
export const asnRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'asns',
    key: 'asns',
    schema: Asn,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertAsns(db, siteId, records),
  });
};
