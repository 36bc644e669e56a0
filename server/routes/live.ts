import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { LiveEvent } from '../../shared/sync-protocol';
import type { ChangeNotifier } from '../db/notifier';
import type { ServerDatabase } from '../db/schema';
import { stationOf } from '../plugins/auth';
import { stationSecurity } from '../plugins/docs';

export interface LiveRoutesOptions {
  db: Kysely<ServerDatabase>;
  notifier: ChangeNotifier;
  epoch: string;
  /** How often the station's credential is checked again (a revoked station's stream ends). */
  keepAliveMs: number;
  /** How often a `heartbeat` event goes out, idle or not: a station that misses a few knows the server is gone. */
  heartbeatMs: number;
}

/**
 * SSE live channel: `hello` on connect (naming the heartbeat interval), then `pull` whenever the station's site
 * changes (in any server process: the notifier LISTENs on PostgreSQL), and a `heartbeat` every `heartbeatMs`.
 * Keep-alives also re-check the station, so a revoked station's stream ends.
 */
export const liveRoutes: FastifyPluginAsync<LiveRoutesOptions> = async (app, options) => {
  const { db, notifier, epoch } = options;
  const open = new Set<ServerResponse>();

  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  app.get(
    '/live',
    { schema: { tags: ['sync'], security: stationSecurity, summary: 'Server-sent events: pull notifications' } },
    async (request, reply) => {
      const station = stationOf(request);
      // HEAD: the stream's headers and no stream (a body-less stream would never end).
      if (request.method === 'HEAD')
        return reply
          .code(200)
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache, no-transform')
          .send();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: LiveEvent) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      open.add(res);
      send({ type: 'hello', epoch, stationId: station.id, heartbeatMs: options.heartbeatMs });
      const heartbeat = setInterval(() => send({ type: 'heartbeat', at: new Date().toISOString() }), options.heartbeatMs);
      const unsubscribe = notifier.subscribe(station.siteId, (siteId) => send({ type: 'pull', siteId }));
      const keepAlive = setInterval(() => {
        db.selectFrom('stations')
          .select('revoked_at')
          .where('site_id', '=', station.siteId)
          .where('id', '=', station.id)
          .executeTakeFirst()
          .then((row) => {
            if (!row || row.revoked_at) res.end();
          })
          .catch(() => undefined);
      }, options.keepAliveMs);
      const cleanup = () => {
        clearInterval(keepAlive);
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      res.on('close', cleanup);
      res.on('error', cleanup);
    },
  );
};
