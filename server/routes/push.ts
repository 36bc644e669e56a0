import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { PushRequest, PushResponse } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { applyOps } from '../ops/apply';
import { type StationIdentity, stationOf } from '../plugins/auth';
import { stationSecurity } from '../plugins/docs';

/** How often a station's `last_seen_at` is written: often enough for the ERP's station list, not once per push. */
const LAST_SEEN_EVERY_MS = 30_000;

/** Writes a station's `last_seen_at` at most every LAST_SEEN_EVERY_MS per process: a busy station's pushes skip the row lock. */
function lastSeenWriter(db: Kysely<ServerDatabase>) {
  const written = new Map<string, number>();
  return {
    async note(station: StationIdentity): Promise<void> {
      const now = Date.now();
      if (now - (written.get(station.id) ?? 0) < LAST_SEEN_EVERY_MS) return;
      written.set(station.id, now);
      await db
        .updateTable('stations')
        .set({ last_seen_at: new Date(now) })
        .where('site_id', '=', station.siteId)
        .where('id', '=', station.id)
        .execute();
    },
  };
}

/** A station's ops: a batch in one transaction, each op applied once per station (dedupe on the station and the op id). */
export const pushRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase> }> = async (app, { db }) => {
  const seen = lastSeenWriter(db);
  app.post(
    '/push',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: "Push a batch of ops; each is applied once (dedupe on the station's opId) and answered applied, duplicate or rejected",
        body: PushRequest,
        response: { 200: PushResponse },
      },
    },
    async (request) => {
      const station = stationOf(request);
      const results = await applyOps(db, station, request.body.ops);
      await seen.note(station);
      return { results };
    },
  );
};
