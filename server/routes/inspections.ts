import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../http-error';
import { inspectionOf, inspectionPhoto } from '../ops/inspections';
import { erpSecurity } from '../plugins/docs';
import { type ErpRouteOptions, SiteParams } from './site-resources';

const InspectionParams = SiteParams.extend({ inspectionId: z.string().min(1).max(64) });

/** Inspections at receipt as the stations recorded them, and the photo each one's camera took. */
export const inspectionRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db }) => {
  app.get(
    '/sites/:siteId/inspections',
    {
      schema: {
        tags: ['quality'],
        security: erpSecurity,
        summary: 'Inspections at receipt, newest first, optionally of one receipt',
        params: SiteParams,
        querystring: z.object({
          receiptId: z.string().min(1).max(64).optional(),
          limit: z.coerce.number().int().positive().max(500).default(100),
        }),
      },
    },
    async (request) => {
      let query = db
        .selectFrom('inspections')
        .select(['id', 'receipt_id', 'item_id', 'passed', 'failed', 'photo_mime', 'at'])
        .where('site_id', '=', request.params.siteId)
        .orderBy('at', 'desc')
        .limit(request.query.limit);
      if (request.query.receiptId) query = query.where('receipt_id', '=', request.query.receiptId);
      const rows = await query.execute();
      return {
        inspections: rows.map((r) => ({
          id: r.id,
          receiptId: r.receipt_id,
          itemId: r.item_id,
          passed: r.passed,
          failed: r.failed,
          hasPhoto: r.photo_mime !== null,
          at: r.at.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/sites/:siteId/inspections/:inspectionId',
    {
      schema: {
        tags: ['quality'],
        security: erpSecurity,
        summary: 'One inspection: its units passed and failed',
        params: InspectionParams,
      },
    },
    async (request) => {
      const row = await inspectionOf(db, request.params.siteId, request.params.inspectionId);
      if (!row) throw new HttpError(404, 'not_found', `inspection "${request.params.inspectionId}" not found`);
      return {
        id: row.id,
        receiptId: row.receipt_id,
        poId: row.po_id,
        itemId: row.item_id,
        units: row.units,
        passed: row.passed,
        failed: row.failed,
        hasPhoto: row.photo_mime !== null,
        stationId: row.station_id,
        operatorId: row.operator_id,
        at: row.at.toISOString(),
      };
    },
  );

  app.get(
    '/sites/:siteId/inspections/:inspectionId/photo',
    {
      schema: { tags: ['quality'], security: erpSecurity, summary: "The inspection's photo (JPEG)", params: InspectionParams },
    },
    async (request, reply) => {
      const row = await inspectionPhoto(db, request.params.siteId, request.params.inspectionId);
      if (!row) throw new HttpError(404, 'not_found', `inspection "${request.params.inspectionId}" not found`);
      if (!row.photo || !row.photo_mime) throw new HttpError(404, 'no_photo', `inspection "${request.params.inspectionId}" has no photo`);
      return reply.header('content-type', row.photo_mime).header('cache-control', 'private, max-age=86400').send(row.photo);
    },
  );

  app.get(
    '/sites/:siteId/receipts/:receiptId/photos',
    {
      schema: {
        tags: ['quality'],
        security: erpSecurity,
        summary: 'Photos of goods of a receipt received damaged or to quarantine',
        params: SiteParams.extend({ receiptId: z.string().min(1).max(64) }),
      },
    },
    async (request) => {
      const rows = await db
        .selectFrom('receipt_photos')
        .select(['id', 'po_id', 'condition', 'reason', 'operator_id', 'at'])
        .where('site_id', '=', request.params.siteId)
        .where('receipt_id', '=', request.params.receiptId)
        .orderBy('at')
        .execute();
      return {
        photos: rows.map((r) => ({
          id: r.id,
          poId: r.po_id,
          condition: r.condition,
          reason: r.reason,
          operatorId: r.operator_id,
          at: r.at.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/sites/:siteId/receipt-photos/:photoId',
    {
      schema: {
        tags: ['quality'],
        security: erpSecurity,
        summary: 'One photo of damaged or quarantined goods (JPEG)',
        params: SiteParams.extend({ photoId: z.string().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const row = await db
        .selectFrom('receipt_photos')
        .select(['photo', 'photo_mime'])
        .where('site_id', '=', request.params.siteId)
        .where('id', '=', request.params.photoId)
        .executeTakeFirst();
      if (!row) throw new HttpError(404, 'not_found', `photo "${request.params.photoId}" not found`);
      return reply.header('content-type', row.photo_mime).header('cache-control', 'private, max-age=86400').send(row.photo);
    },
  );
};
