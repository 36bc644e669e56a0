import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { NumberLease, NumberLeaseRequest } from '../../shared/sync-protocol';
import { leaseNumbers } from '../data/number-leases';
import type { ServerDatabase } from '../db/schema';
import { stationOf } from '../plugins/auth';
import { stationSecurity } from '../plugins/docs';

/** Number ranges (SSCC serial references, LPN and manifest numbers) leased to the calling station in blocks. */
export const numberLeaseRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase> }> = async (app, { db }) => {
  app.post(
    '/number-leases',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: 'Lease the next block of SSCC serial references, LPN or manifest numbers; no number is ever leased twice',
        body: NumberLeaseRequest,
        response: { 201: NumberLease },
      },
    },
    async (request, reply) => reply.code(201).send(await leaseNumbers(db, stationOf(request), request.body)),
  );
};
