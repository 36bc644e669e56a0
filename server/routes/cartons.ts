import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isHouseTrackingNumber } from '../../shared/rules/house-labels';
import { assertSite } from '../data/master-data';
import { HttpError } from '../http-error';
import { erpSecurity } from '../plugins/docs';
import { type ErpRouteOptions, SiteParams } from './site-resources';

const RelabelCarton = z.object({
  cartonId: z.string(),
  orderId: z.string(),
  sscc: z.string(),
  carrier: z.string(),
  service: z.string(),
  houseTracking: z.string(),
  stationId: z.string(),
  packedAt: z.string(),
  manifestId: z.string().nullable(),
});

/** Cartons of carrier orders that left a bench with a house label (the carrier was not reachable), and their relabel. */
export const cartonRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db }) => {
  app.get(
    '/sites/:siteId/cartons/needs-relabel',
    {
      schema: {
        tags: ['erp'],
        security: erpSecurity,
        summary:
          "Cartons labelled with a house label for a carrier order: they need the carrier's label before the carrier's manifest closes",
        params: SiteParams,
        querystring: z.object({ carrier: z.string().min(1).max(40).optional() }),
        response: { 200: z.object({ items: z.array(RelabelCarton) }) },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      await assertSite(db, siteId);
      let query = db
        .selectFrom('cartons')
        .select(['id', 'order_id', 'sscc', 'carrier', 'service', 'house_tracking', 'tracking', 'station_id', 'packed_at', 'manifest_id'])
        .where('site_id', '=', siteId)
        .where('needs_relabel', '=', true)
        .orderBy('packed_at');
      if (request.query.carrier) query = query.where('carrier', '=', request.query.carrier);
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          cartonId: r.id,
          orderId: r.order_id,
          sscc: r.sscc,
          carrier: r.carrier,
          service: r.service,
          houseTracking: r.house_tracking ?? r.tracking,
          stationId: r.station_id,
          packedAt: r.packed_at.toISOString(),
          manifestId: r.manifest_id,
        })),
      };
    },
  );

  app.post(
    '/sites/:siteId/cartons/:cartonId/relabel',
    {
      schema: {
        tags: ['erp'],
        security: erpSecurity,
        summary: "Record the carrier's tracking number of a house-labelled carton: it may go on its carrier's manifest again",
        params: SiteParams.extend({ cartonId: z.string().min(1).max(64) }),
        body: z.object({ tracking: z.string().min(1).max(64) }),
        response: { 200: z.object({ cartonId: z.string(), tracking: z.string(), needsRelabel: z.boolean() }) },
      },
    },
    async (request) => {
      const { siteId, cartonId } = request.params;
      const { tracking } = request.body;
      if (isHouseTrackingNumber(tracking))
        throw new HttpError(400, 'invalid_request', `"${tracking}" is a house tracking number, not the carrier's`);
      return db.transaction().execute(async (trx) => {
        await assertSite(trx, siteId);
        const carton = await trx
          .selectFrom('cartons')
          .select(['needs_relabel'])
          .where('site_id', '=', siteId)
          .where('id', '=', cartonId)
          .forUpdate()
          .executeTakeFirst();
        if (!carton) throw new HttpError(404, 'not_found', `carton "${cartonId}" not found`);
        if (!carton.needs_relabel) throw new HttpError(409, 'not_house_labelled', `carton "${cartonId}" does not need a carrier label`);
        await trx
          .updateTable('cartons')
          .set({ tracking, needs_relabel: false, relabelled_at: new Date() })
          .where('site_id', '=', siteId)
          .where('id', '=', cartonId)
          .execute();
        return { cartonId, tracking, needsRelabel: false };
      });
    },
  );
};
