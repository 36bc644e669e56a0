import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertSite } from '../data/master-data';
import {
  LedgerQuery,
  OnHandQuery,
  ReceiptsQuery,
  readLedger,
  readOnHand,
  readReceipts,
  readShipments,
  ShipmentsQuery,
} from '../data/reports';
import { erpSecurity } from '../plugins/docs';
import { type ErpRouteOptions, SiteParams } from './site-resources';

/** The ERP's reads: receipts, shipments, on-hand and the ledger, keyset-paged. */
export const reportRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db }) => {
  const schema = { tags: ['reads'], security: erpSecurity, params: SiteParams };
  app.get('/sites/:siteId/receipts', { schema: { ...schema, querystring: ReceiptsQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readReceipts(db, request.params.siteId, request.query);
  });
  app.get('/sites/:siteId/shipments', { schema: { ...schema, querystring: ShipmentsQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readShipments(db, request.params.siteId, request.query);
  });
  app.get('/sites/:siteId/on-hand', { schema: { ...schema, querystring: OnHandQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readOnHand(db, request.params.siteId, request.query);
  });
  app.get('/sites/:siteId/ledger', { schema: { ...schema, querystring: LedgerQuery } }, async (request) => {
    await assertSite(db, request.params.siteId);
    return readLedger(db, request.params.siteId, request.query);
  });
};
