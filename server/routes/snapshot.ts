import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { SnapshotQuery } from '../../shared/sync-protocol';
import { snapshotFrames } from '../data/snapshot';
import type { ServerDatabase } from '../db/schema';
import { stationOf } from '../plugins/auth';
import { stationSecurity } from '../plugins/docs';

/** Initial sync and reset: the site's snapshot streamed in frames, gzip-compressed when the station accepts it. */
export const snapshotRoutes: FastifyPluginAsyncZod<{ db: Kysely<ServerDatabase>; epoch: string }> = async (app, { db, epoch }) => {
  app.get(
    '/snapshot',
    {
      schema: {
        tags: ['sync'],
        security: stationSecurity,
        summary: "Stream the site's snapshot (initial sync, reset): NDJSON frames, resumable by cursor",
        description:
          'Newline-delimited SnapshotFrame objects of shared/sync-protocol.ts: begin (row counts, upTo), rows (changes, cursor), end; or reset. Resume a cut stream with ?after=<last cursor>&upTo=<upTo>, then pull from upTo. gzip with Accept-Encoding: gzip.',
        querystring: SnapshotQuery,
      },
    },
    async (request, reply) => {
      const frames = Readable.from(snapshotFrames(db, stationOf(request).siteId, epoch, request.query), { objectMode: false });
      reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').header('x-accel-buffering', 'no');
      if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.send(frames);
      // Fastest level: the stream is text with much repetition, and the station is usually near; level 1 keeps up with the database.
      const gzip = createGzip({ level: constants.Z_BEST_SPEED });
      pipeline(frames, gzip).catch(() => {
        // The station went away or the database failed mid-stream: the station resumes from its last cursor.
      });
      return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(gzip);
    },
  );
};
