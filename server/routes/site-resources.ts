import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SiteSettings } from '../../shared/domain/master-data';
import type { UpsertResult } from '../data/master-data';
import type { ServerDatabase } from '../db/schema';
import { erpSecurity } from '../plugins/docs';

/** What every ERP resource's routes get: the database and the bulk upserts' body limit. */
export interface ErpRouteOptions {
  db: Kysely<ServerDatabase>;
  erpBodyBytes: number;
}

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

export const SiteParams = z.object({ siteId: SiteSettings.shape.siteId });
const UpsertResponse = z.object({ received: z.number(), changed: z.number() });
const MAX_BULK = 20_000;

/** `POST /sites/:siteId/<path>` with `{ <key>: [...] }`: an idempotent bulk upsert by external id. */
export function bulkUpsertRoute<T extends z.ZodType>(
  app: ZodApp,
  options: {
    path: string;
    key: string;
    schema: T;
    bodyLimit: number;
    upsert: (siteId: string, records: z.infer<T>[]) => Promise<UpsertResult>;
  },
): void {
  const { path, key, schema, upsert } = options;
  app.post(
    `/sites/:siteId/${path}`,
    {
      bodyLimit: options.bodyLimit,
      schema: {
        tags: ['erp'],
        security: erpSecurity,
        summary: `Upsert ${path} by external id (idempotent; unchanged records write nothing)`,
        params: SiteParams,
        body: z.object({ [key]: z.array(schema).min(1).max(MAX_BULK) }),
        response: { 200: UpsertResponse },
      },
    },
    async (request) => {
      const body = request.body as Record<string, z.infer<T>[]>;
      return upsert(request.params.siteId, body[key] ?? []);
    },
  );
}
