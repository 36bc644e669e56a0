import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { CarrierLabelRequest, CarrierLabelResponse } from '../../shared/sync-protocol';
import { stubCarrierLabel } from '../carrier/stub-carrier';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';
import { stationOf } from '../plugins/auth';
import { stationSecurity } from '../plugins/docs';

/** The carrier integration point: a tracking number and a label for a carton of an order of the station's site. */
export const carrierLabelRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase> }> = async (app, { db }) => {
  app.post(
    '/carrier-label',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: 'Get a tracking number (and ZPL label) from the carrier integration (a stub carrier account here)',
        body: CarrierLabelRequest,
        response: { 200: CarrierLabelResponse },
      },
    },
    async (request) => {
      const station = stationOf(request);
      const order = await db
        .selectFrom('orders')
        .select('status')
        .where('site_id', '=', station.siteId)
        .where('id', '=', request.body.orderId)
        .executeTakeFirst();
      if (!order) throw new HttpError(404, 'unknown_order', `order "${request.body.orderId}" is not known to the server`);
      if (order.status === 'cancelled') throw new HttpError(409, 'order_cancelled', `order "${request.body.orderId}" was cancelled`);
      return stubCarrierLabel(station.siteId, request.body);
    },
  );
};
