import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  CarrierLabelRequest,
  CarrierLabelResponse,
  EnrollRequest,
  EnrollResponse,
  PullQuery,
  PushRequest,
  PushResponse,
  ResolveExceptionRequest,
  StationException,
  type OpKind,
  type RejectionCode,
} from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { stubCarrierLabel } from '../carrier/stub-carrier';
import { pullChangesJson } from '../data/pull';
import { newCredential, normalizeEnrollmentCode, requireStation, sha256, stationGuard } from '../http/auth';
import { HttpError } from '../http/errors';
import { applyOps } from '../ops/apply';

export interface SyncRoutesOptions {
  db: Kysely<ServerDatabase>;
  epoch: string;
  enrollPerMinute: number;
}

const security = [{ stationCredential: [] }];

/** Station-facing routes: enroll, push, pull, exceptions, carrier label. The live channel is in live.ts. */
export const syncRoutes: FastifyPluginAsyncZod<SyncRoutesOptions> = async (app, options) => {
  const { db, epoch } = options;
  const guard = stationGuard(db);

  app.post(
    '/enroll',
    {
      config: { rateLimit: { max: options.enrollPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['sync'],
        summary: 'Trade a one-time enrollment code for a station credential',
        body: EnrollRequest,
        response: { 201: EnrollResponse },
      },
    },
    async (request, reply) => {
      const { code, stationName, role } = request.body;
      const credential = newCredential();
      const stationId = randomUUID();
      const siteId = await db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('enrollment_codes')
          .set({ used_at: new Date(), station_id: stationId })
          .where('code_hash', '=', sha256(normalizeEnrollmentCode(code)))
          .where('used_at', 'is', null)
          .where('expires_at', '>', new Date())
          .returning('site_id')
          .executeTakeFirst();
        if (!used) throw new HttpError(401, 'invalid_enrollment_code', 'enrollment code is unknown, expired or already used; ask for a new one');
        await trx
          .insertInto('stations')
          .values({ id: stationId, site_id: used.site_id, name: stationName, role, credential_hash: sha256(credential) })
          .execute();
        return used.site_id;
      });
      return reply.code(201).send({ stationId, siteId, credential });
    },
  );

  app.post(
    '/push',
    {
      preHandler: guard,
      schema: {
        tags: ['sync'],
        security,
        summary: 'Push a batch of ops; each is applied once (dedupe on opId) and answered applied, duplicate or rejected',
        body: PushRequest,
        response: { 200: PushResponse },
      },
    },
    async (request) => {
      const station = requireStation(request);
      const results = await applyOps(db, station, request.body.ops);
      await db.updateTable('stations').set({ last_seen_at: new Date() }).where('id', '=', station.id).execute();
      return { results };
    },
  );

  app.get(
    '/pull',
    {
      preHandler: guard,
      schema: {
        tags: ['sync'],
        security,
        summary: "Pull the site's changes after a cursor, or a reset",
        description: 'Answers a PullResponse of shared/sync-protocol.ts: { reset: false, epoch, changes: [{ seq, entity, op, id, record? }], cursor, hasMore, total? } or { reset: true, epoch, reason }. Records are sent as stored, without a response schema pass.',
        querystring: PullQuery,
      },
    },
    async (request, reply) => {
      const json = await pullChangesJson(db, requireStation(request).siteId, epoch, request.query);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.get(
    '/exceptions',
    {
      preHandler: guard,
      schema: {
        tags: ['sync'],
        security,
        summary: "Ops of this site's stations the server rejected",
        querystring: z.object({
          status: z.enum(['open', 'resolved', 'all']).default('open'),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(StationException) }) },
      },
    },
    async (request) => {
      const station = requireStation(request);
      let query = db
        .selectFrom('station_exceptions as e')
        .innerJoin('applied_ops as o', 'o.op_id', 'e.op_id')
        .select(['e.op_id', 'e.station_id', 'e.kind', 'e.code', 'e.reason', 'e.created_at', 'e.resolved_at', 'e.resolved_by', 'e.note', 'o.payload', 'o.at', 'o.operator_id', 'o.station_seq'])
        .where('e.site_id', '=', station.siteId)
        .orderBy('e.created_at', 'desc')
        .limit(request.query.limit);
      if (request.query.status === 'open') query = query.where('e.resolved_at', 'is', null);
      if (request.query.status === 'resolved') query = query.where('e.resolved_at', 'is not', null);
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          opId: r.op_id,
          stationId: r.station_id,
          kind: r.kind as OpKind,
          code: r.code as RejectionCode,
          reason: r.reason,
          op: { opId: r.op_id, kind: r.kind, stationSeq: r.station_seq, at: r.at.toISOString(), operatorId: r.operator_id, payload: r.payload },
          createdAt: r.created_at.toISOString(),
          resolvedAt: r.resolved_at?.toISOString() ?? null,
          resolvedBy: r.resolved_by,
          note: r.note,
        })),
      };
    },
  );

  app.post(
    '/exceptions/:opId/resolve',
    {
      preHandler: guard,
      schema: {
        tags: ['sync'],
        security,
        summary: 'Mark a rejected op as dealt with',
        params: z.object({ opId: z.uuid() }),
        body: ResolveExceptionRequest,
        response: { 200: z.object({ opId: z.string(), resolvedAt: z.string() }) },
      },
    },
    async (request) => {
      const station = requireStation(request);
      const now = new Date();
      const row = await db
        .updateTable('station_exceptions')
        .set({ resolved_at: now, resolved_by: request.body.resolvedBy, note: request.body.note })
        .where('op_id', '=', request.params.opId)
        .where('site_id', '=', station.siteId)
        .returning(['op_id', 'resolved_at'])
        .executeTakeFirst();
      if (!row) throw new HttpError(404, 'not_found', `no exception for op ${request.params.opId} at this site`);
      return { opId: row.op_id, resolvedAt: (row.resolved_at ?? now).toISOString() };
    },
  );

  app.post(
    '/carrier-label',
    {
      preHandler: guard,
      schema: {
        tags: ['sync'],
        security,
        summary: 'Get a tracking number (and ZPL label) from the carrier integration (a stub carrier account here)',
        body: CarrierLabelRequest,
        response: { 200: CarrierLabelResponse },
      },
    },
    async (request) => {
      const station = requireStation(request);
      const order = await db.selectFrom('orders').select('status').where('site_id', '=', station.siteId).where('id', '=', request.body.orderId).executeTakeFirst();
      if (!order) throw new HttpError(404, 'unknown_order', `order "${request.body.orderId}" is not known to the server`);
      if (order.status === 'cancelled') throw new HttpError(409, 'order_cancelled', `order "${request.body.orderId}" was cancelled`);
      return stubCarrierLabel(station.siteId, request.body);
    },
  );
};
