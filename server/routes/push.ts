import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { PushRequest, PushResponse } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { applyOps } from '../ops/apply';
import { stationOf } from '../plugins/auth';
import { stationSecurity } from '../plugins/docs';

/** A station's ops: a batch in one transaction, each op applied once per station (dedupe on the station and the op id). */
export const pushRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase> }> = async (app, { db }) => {
  app.post(
    '/push',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: "Push a batch of ops; each is applied once (dedupe on the station's opId) and answered applied, duplicate or rejected",
        body: PushRequest,
        response: { 200: PushResponse },
      },
    },
    async (request) => {
      return { results: await applyOps(db, stationOf(request), request.body.ops) };
    },
  );
};
