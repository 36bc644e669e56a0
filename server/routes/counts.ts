import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CountScope, CountTask } from '../../shared/domain/counts';
import { issueCountTasks } from '../ops/counts';
import { erpSecurity } from '../plugins/docs';
import { type ErpRouteOptions, SiteParams } from './site-resources';

const Id = CountTask.shape.id;

export const CountTaskRequest = z
  .object({
    id: Id,
    scope: CountScope,
    location: CountTask.shape.location,
    itemId: Id.nullable().optional(),
    lpn: z.string().min(1).max(64).nullable().optional(),
    /** Show the expected quantity to the counter; absent = the site's setting. */
    blind: z.boolean().nullable().optional(),
  })
  .refine((t) => t.scope !== 'item' || (t.itemId ?? null) !== null, { message: 'an item count names the item', path: ['itemId'] })
  .refine((t) => t.scope !== 'lpn' || (t.lpn ?? null) !== null, { message: 'an LPN count names the LPN', path: ['lpn'] });

/** Cycle counts: the ERP issues count tasks, the stations count, the server posts variances to the ledger as `adjust`. */
export const countRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db }) => {
  app.post(
    '/sites/:siteId/count-tasks',
    {
      schema: {
        tags: ['counts'],
        security: erpSecurity,
        summary: "Issue count tasks (a location, an item at a location, or an LPN), each with the ledger's on-hand now",
        params: SiteParams,
        body: z.object({ tasks: z.array(CountTaskRequest).min(1).max(1000) }),
      },
    },
    async (request, reply) => reply.code(201).send({ tasks: await issueCountTasks(db, request.params.siteId, request.body.tasks) }),
  );

  app.get(
    '/sites/:siteId/counts',
    {
      schema: {
        tags: ['counts'],
        security: erpSecurity,
        summary: 'Posted counts, newest first, with the variances the server judged against the ledger',
        params: SiteParams,
        querystring: z.object({ limit: z.coerce.number().int().positive().max(1000).default(100) }),
      },
    },
    async (request) => {
      const rows = await db
        .selectFrom('counts')
        .selectAll()
        .where('site_id', '=', request.params.siteId)
        .orderBy('posted_at', 'desc')
        .limit(request.query.limit)
        .execute();
      return {
        counts: rows.map((r) => ({
          id: r.id,
          taskId: r.task_id,
          location: r.location,
          startedAt: r.started_at.toISOString(),
          lines: r.lines,
          variances: r.variances,
          countedBy: r.counted_by,
          recountedBy: r.recounted_by,
          approvedBy: r.approved_by,
          stationId: r.station_id,
        })),
      };
    },
  );
};
