import type { FastifyPluginAsync } from 'fastify';

/** Liveness for load balancers: no credential, no database round trip. */
export const healthRoutes: FastifyPluginAsync<{ epoch: string; dbKind: string }> = async (app, { epoch, dbKind }) => {
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true, epoch, db: dbKind }));
};
