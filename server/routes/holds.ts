import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createHold, HoldRequest, releaseHold } from '../data/holds';
import { erpSecurity } from '../plugins/docs';
import { type ErpRouteOptions, SiteParams } from './site-resources';

/** Quality holds on an item, a lot or a location, and their release. */
export const holdRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db }) => {
  app.post(
    '/sites/:siteId/holds',
    {
      schema: {
        tags: ['quality'],
        security: erpSecurity,
        summary: 'Create a quality hold on an item, lot or location (idempotent by id)',
        params: SiteParams,
        body: HoldRequest.safeExtend({ by: z.string().min(1).max(64).default('quality') }),
      },
    },
    async (request, reply) => {
      const { by, ...hold } = request.body;
      const result = await createHold(db, request.params.siteId, hold, by);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );

  app.post(
    '/sites/:siteId/holds/:holdId/release',
    {
      schema: {
        tags: ['quality'],
        security: erpSecurity,
        summary: 'Release a hold',
        params: SiteParams.extend({ holdId: z.string().min(1).max(64) }),
        body: z.object({ by: z.string().min(1).max(64).default('quality') }).default({ by: 'quality' }),
      },
    },
    async (request) => ({ hold: await releaseHold(db, request.params.siteId, request.params.holdId, request.body.by) }),
  );
};
