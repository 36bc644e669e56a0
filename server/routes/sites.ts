import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiteSettings } from '../../shared/domain/master-data';
import { upsertSite } from '../data/master-data';
import { erpSecurity } from '../plugins/docs';
import { type ErpRouteOptions, SiteParams } from './site-resources';

export const siteRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db }) => {
  app.put(
    '/sites/:siteId',
    {
      schema: {
        tags: ['erp'],
        security: erpSecurity,
        summary: 'Create or update a site and its settings',
        params: SiteParams,
        body: SiteSettings.omit({ siteId: true }),
        response: { 200: z.object({ siteId: z.string(), created: z.boolean(), changed: z.boolean() }) },
      },
    },
    async (request) => {
      const settings = SiteSettings.parse({ ...request.body, siteId: request.params.siteId });
      return { siteId: settings.siteId, ...(await upsertSite(db, settings)) };
    },
  );
};
