import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Rma } from '../../shared/domain/returns';
import { assertSite } from '../data/master-data';
import { ReturnRecord, ReturnsQuery, readReturns, upsertRmas } from '../data/returns';
import { HttpError } from '../http-error';
import { erpSecurity } from '../plugins/docs';
import { bulkUpsertRoute, type ErpRouteOptions, SiteParams } from './site-resources';

/** Customer returns: RMAs from the ERP, and the returns the stations received against them. */
export const returnRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db, erpBodyBytes }) => {
  bulkUpsertRoute(app, {
    path: 'rmas',
    key: 'rmas',
    schema: Rma,
    bodyLimit: erpBodyBytes,
    upsert: (siteId, records) => upsertRmas(db, siteId, records),
  });

  const ReturnsPage = z.object({ items: z.array(ReturnRecord), next: z.string().nullable() });
  app.get(
    '/sites/:siteId/returns',
    {
      schema: {
        tags: ['reads'],
        security: erpSecurity,
        summary: 'Returns received at the stations, each unit with its condition, disposition and location (paged by return id)',
        params: SiteParams,
        querystring: ReturnsQuery,
        response: { 200: ReturnsPage },
      },
    },
    async (request) => {
      await assertSite(db, request.params.siteId);
      return readReturns(db, request.params.siteId, request.query);
    },
  );

  app.get(
    '/sites/:siteId/returns/:returnId',
    {
      schema: {
        tags: ['reads'],
        security: erpSecurity,
        summary: 'One received return with its units',
        params: SiteParams.extend({ returnId: z.string().min(1).max(64) }),
        response: { 200: ReturnRecord },
      },
    },
    async (request) => {
      const { siteId, returnId } = request.params;
      await assertSite(db, siteId);
      const [found] = (await readReturns(db, siteId, { returnId, limit: 1 })).items;
      if (!found) throw new HttpError(404, 'not_found', `return "${returnId}" not found`);
      return found;
    },
  );
};
