import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Asn, CartonType, Item, Location, Operator, Order, PurchaseOrder, SiteSettings } from '../../shared/domain/master-data';
import { StationRole } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { createHold, HoldRequest, releaseHold } from '../data/holds';
import {
  assertSite,
  setOrderStatus,
  upsertAsns,
  upsertCartonTypes,
  upsertItems,
  upsertLocations,
  upsertOperators,
  upsertOrders,
  upsertPurchaseOrders,
  upsertSite,
  type UpsertResult,
} from '../data/master-data';
import { LedgerQuery, OnHandQuery, readLedger, readOnHand, readReceipts, readShipments, ReceiptsQuery, ShipmentsQuery } from '../data/reports';
import { adminGuard, newEnrollmentCode, normalizeEnrollmentCode, sha256 } from '../http/auth';
import { HttpError } from '../http/errors';

export interface ErpRoutesOptions {
  db: Kysely<ServerDatabase>;
  adminKey: string;
  erpBodyLimit: number;
  enrollmentTtlMinutes: number;
}

const MAX_BULK = 20_000;
const SiteParams = z.object({ siteId: SiteSettings.shape.siteId });
const UpsertResponse = z.object({ received: z.number(), changed: z.number() });
const security = [{ adminKey: [] }];

/** The ERP's API: bulk idempotent upserts, holds, cancellations, enrollment, reads. Admin key only. */
export const erpRoutes: FastifyPluginAsyncZod<ErpRoutesOptions> = async (app, options) => {
  const { db } = options;
  app.addHook('preHandler', adminGuard(options.adminKey));

  app.put(
    '/sites/:siteId',
    {
      schema: {
        tags: ['erp'],
        security,
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

  const bulk = <T extends z.ZodType>(path: string, key: string, schema: T, upsert: (siteId: string, records: z.infer<T>[]) => Promise<UpsertResult>) => {
    app.post(
      `/sites/:siteId/${path}`,
      {
        bodyLimit: options.erpBodyLimit,
        schema: {
          tags: ['erp'],
          security,
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
  };
  bulk('items', 'items', Item, (site, records) => upsertItems(db, site, records));
  bulk('locations', 'locations', Location, (site, records) => upsertLocations(db, site, records));
  bulk('purchase-orders', 'purchaseOrders', PurchaseOrder, (site, records) => upsertPurchaseOrders(db, site, records));
  bulk('asns', 'asns', Asn, (site, records) => upsertAsns(db, site, records));
  bulk('orders', 'orders', Order, (site, records) => upsertOrders(db, site, records));
  bulk('carton-types', 'cartonTypes', CartonType, (site, records) => upsertCartonTypes(db, site, records));
  bulk('operators', 'operators', Operator, (site, records) => upsertOperators(db, site, records));

  app.post(
    '/sites/:siteId/orders/:orderId/cancel',
    {
      schema: {
        tags: ['erp'],
        security,
        summary: 'Cancel an order; stations are told at once',
        params: SiteParams.extend({ orderId: z.string().min(1).max(64) }),
        response: { 200: z.object({ orderId: z.string(), status: z.string() }) },
      },
    },
    async (request) => {
      const { siteId, orderId } = request.params;
      return db.transaction().execute(async (trx) => {
        await assertSite(trx, siteId);
        const current = await trx.selectFrom('orders').select('status').where('site_id', '=', siteId).where('id', '=', orderId).forUpdate().executeTakeFirst();
        if (!current) throw new HttpError(404, 'not_found', `order "${orderId}" not found`);
        if (current.status === 'shipped') throw new HttpError(409, 'order_shipped', `order "${orderId}" has shipped and can no longer be cancelled`);
        if (current.status !== 'cancelled') await setOrderStatus(trx, siteId, orderId, 'cancelled');
        return { orderId, status: 'cancelled' };
      });
    },
  );

  app.post(
    '/sites/:siteId/holds',
    {
      schema: {
        tags: ['quality'],
        security,
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
        security,
        summary: 'Release a hold',
        params: SiteParams.extend({ holdId: z.string().min(1).max(64) }),
        body: z.object({ by: z.string().min(1).max(64).default('quality') }).default({ by: 'quality' }),
      },
    },
    async (request) => ({ hold: await releaseHold(db, request.params.siteId, request.params.holdId, request.body.by) }),
  );

  app.get('/sites/:siteId/receipts', { schema: { tags: ['reads'], security, params: SiteParams, querystring: ReceiptsQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readReceipts(db, request.params.siteId, request.query);
  });
  app.get('/sites/:siteId/shipments', { schema: { tags: ['reads'], security, params: SiteParams, querystring: ShipmentsQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readShipments(db, request.params.siteId, request.query);
  });
  app.get('/sites/:siteId/on-hand', { schema: { tags: ['reads'], security, params: SiteParams, querystring: OnHandQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readOnHand(db, request.params.siteId, request.query);
  });
  app.get('/sites/:siteId/ledger', { schema: { tags: ['reads'], security, params: SiteParams, querystring: LedgerQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readLedger(db, request.params.siteId, request.query);
  });

  app.post(
    '/enrollment-codes',
    {
      schema: {
        tags: ['stations'],
        security,
        summary: 'Make a one-time enrollment code for a station of a site',
        body: z.object({ siteId: SiteSettings.shape.siteId, ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).optional() }),
        response: { 201: z.object({ code: z.string(), siteId: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      await assertSite(db, request.body.siteId);
      const code = newEnrollmentCode();
      const expiresAt = new Date(Date.now() + (request.body.ttlMinutes ?? options.enrollmentTtlMinutes) * 60_000);
      await db
        .insertInto('enrollment_codes')
        .values({ code_hash: sha256(normalizeEnrollmentCode(code)), site_id: request.body.siteId, expires_at: expiresAt })
        .execute();
      return reply.code(201).send({ code, siteId: request.body.siteId, expiresAt: expiresAt.toISOString() });
    },
  );

  app.get(
    '/sites/:siteId/stations',
    { schema: { tags: ['stations'], security, params: SiteParams } },
    async (request) => {
      await assertSite(db, request.params.siteId);
      const rows = await db
        .selectFrom('stations')
        .select(['id', 'name', 'role', 'created_at', 'revoked_at', 'last_seen_at'])
        .where('site_id', '=', request.params.siteId)
        .orderBy('created_at')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          role: StationRole.catch('both').parse(r.role),
          createdAt: r.created_at.toISOString(),
          revokedAt: r.revoked_at?.toISOString() ?? null,
          lastSeenAt: r.last_seen_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/stations/:stationId/revoke',
    { schema: { tags: ['stations'], security, summary: 'Revoke a station: its next call gets 401', params: z.object({ stationId: z.uuid() }) } },
    async (request) => {
      const row = await db
        .updateTable('stations')
        .set({ revoked_at: new Date() })
        .where('id', '=', request.params.stationId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        const exists = await db.selectFrom('stations').select('id').where('id', '=', request.params.stationId).executeTakeFirst();
        if (!exists) throw new HttpError(404, 'not_found', `station ${request.params.stationId} not found`);
      }
      return { stationId: request.params.stationId, revoked: true };
    },
  );
};
