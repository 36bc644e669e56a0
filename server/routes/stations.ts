import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { StationRole } from '../../shared/sync-protocol';
import { assertSite } from '../data/master-data';
import { REVOKE_CHANNEL } from '../db/notifier';
import { HttpError } from '../http-error';
import { erpSecurity } from '../plugins/docs';
import { type ErpRouteOptions, SiteParams } from './site-resources';

/** The enrolled stations of a site, and their revocation. */
export const stationRoutes: FastifyPluginAsyncZod<ErpRouteOptions> = async (app, { db }) => {
  app.get('/sites/:siteId/stations', { schema: { tags: ['stations'], security: erpSecurity, params: SiteParams } }, async (request) => {
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
  });

  app.post(
    '/stations/:stationId/revoke',
    {
      schema: {
        tags: ['stations'],
        security: erpSecurity,
        summary: 'Revoke a station: its next call gets 401',
        params: z.object({ stationId: z.uuid() }),
      },
    },
    async (request) => {
      // Every server process hears of it at commit and forgets the station's credential; this one at once.
      const { rows } = await sql<{ id: string }>`WITH revoked AS (
          UPDATE stations SET revoked_at = now() WHERE id = ${request.params.stationId} AND revoked_at IS NULL RETURNING id)
        SELECT id, pg_notify(${REVOKE_CHANNEL}, id::text) FROM revoked`.execute(db);
      app.forgetStation(request.params.stationId);
      if (rows.length === 0) {
        const exists = await db.selectFrom('stations').select('id').where('id', '=', request.params.stationId).executeTakeFirst();
        if (!exists) throw new HttpError(404, 'not_found', `station ${request.params.stationId} not found`);
      }
      return { stationId: request.params.stationId, revoked: true };
    },
  );
};
