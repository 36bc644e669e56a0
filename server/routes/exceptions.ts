import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ResolveExceptionRequest, StationException } from '../../shared/sync-protocol';
import { ExceptionsQuery, readExceptions, resolveException } from '../data/exceptions';
import { assertSite } from '../data/master-data';
import type { ServerDatabase } from '../db/schema';
import { stationOf } from '../plugins/auth';
import { erpSecurity, stationSecurity } from '../plugins/docs';
import { SiteParams } from './site-resources';

const ExceptionList = z.object({ items: z.array(StationException) });
const Resolved = z.object({ opId: z.string(), resolvedAt: z.string() });

/** A station reads and resolves its own rejected ops, and no other station's. */
export const stationExceptionRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase> }> = async (app, { db }) => {
  app.get(
    '/exceptions',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: 'Ops of this station the server rejected',
        querystring: ExceptionsQuery,
        response: { 200: ExceptionList },
      },
    },
    async (request) => {
      const station = stationOf(request);
      return { items: await readExceptions(db, { siteId: station.siteId, stationId: station.id }, request.query) };
    },
  );

  app.post(
    '/exceptions/:opId/resolve',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: 'Mark one of this station’s rejected ops as dealt with',
        params: z.object({ opId: z.uuid() }),
        body: ResolveExceptionRequest,
        response: { 200: Resolved },
      },
    },
    async (request) => {
      const station = stationOf(request);
      return resolveException(db, { siteId: station.siteId, stationId: station.id, opId: request.params.opId }, request.body);
    },
  );
};

/** The ERP sees every station's exceptions of a site and may resolve any of them. */
export const siteExceptionRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase> }> = async (app, { db }) => {
  app.get(
    '/sites/:siteId/exceptions',
    {
      schema: {
        tags: ['stations'],
        security: erpSecurity,
        summary: "Ops of any of the site's stations the server rejected",
        params: SiteParams,
        querystring: ExceptionsQuery.extend({ stationId: z.uuid().optional() }),
        response: { 200: ExceptionList },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      await assertSite(db, siteId);
      const { stationId, ...query } = request.query;
      return { items: await readExceptions(db, { siteId, ...(stationId ? { stationId } : {}) }, query) };
    },
  );

  app.post(
    '/sites/:siteId/stations/:stationId/exceptions/:opId/resolve',
    {
      schema: {
        tags: ['stations'],
        security: erpSecurity,
        summary: "Mark a station's rejected op as dealt with",
        params: SiteParams.extend({ stationId: z.uuid(), opId: z.uuid() }),
        body: ResolveExceptionRequest,
        response: { 200: Resolved },
      },
    },
    async (request) => resolveException(db, request.params, request.body),
  );
};
