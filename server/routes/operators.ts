import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OperatorRecord } from '../../shared/domain/master-data';
import { upsertOperators } from '../data/master-data';
import { bulkUpsertRoute, type ErpRouteOptions } from './site-resources';

/** The site's operators and their badges, from the ERP. */
export const operatorRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'operators',
    key: 'operators',
    schema: OperatorRecord,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertOperators(db, siteId, records),
  });
};
