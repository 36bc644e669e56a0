import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { PullQuery } from '../../shared/sync-protocol';
import { pullChangesJson } from '../data/pull';
import { createSitePositions } from '../data/site-positions';
import type { ChangeNotifier } from '../db/notifier';
import type { ServerDatabase } from '../db/schema';
import { stationOf } from '../plugins/auth';
import { stationSecurity } from '../plugins/docs';

/** The site's master-data changes after a station's cursor. */
export const pullRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase>; epoch: string; notifier: ChangeNotifier }> = async (
  app,
  { db, epoch, notifier },
) => {
  const positions = createSitePositions(notifier);
  app.get(
    '/pull',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: "Pull the site's changes after a cursor, or a reset",
        description:
          'Answers a PullResponse of shared/sync-protocol.ts: { reset: false, epoch, changes: [{ seq, entity, op, id, record? }], cursor, hasMore, total? } or { reset: true, epoch, reason }. Records are sent as stored, without a response schema pass.',
        querystring: PullQuery,
      },
    },
    async (request, reply) => {
      const json = await pullChangesJson(db, stationOf(request).siteId, epoch, request.query, positions);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
};
