import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SiteSettings } from '../../shared/domain/master-data';
import { EnrollRequest, EnrollResponse } from '../../shared/sync-protocol';
import { newCredential, newEnrollmentCode, normalizeEnrollmentCode, sha256 } from '../credentials';
import { assertSite } from '../data/master-data';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';
import { erpSecurity } from '../plugins/docs';

export interface EnrollmentCodeRoutesOptions {
  db: Kysely<ServerDatabase>;
  enrollmentTtlMinutes: number;
}

/** The ERP makes one-time enrollment codes (admin key). */
export const enrollmentCodeRoutes: FastifyPluginAsyncZod<EnrollmentCodeRoutesOptions> = async (app, options) => {
  const { db } = options;
  app.post(
    '/enrollment-codes',
    {
      schema: {
        tags: ['stations'],
        security: erpSecurity,
        summary: 'Make a one-time enrollment code for a station of a site',
        body: z.object({
          siteId: SiteSettings.shape.siteId,
          ttlMinutes: z
            .number()
            .int()
            .min(1)
            .max(7 * 24 * 60)
            .optional(),
        }),
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
};

export interface EnrollRoutesOptions {
  db: Kysely<ServerDatabase>;
  enrollPerMinute: number;
  bodyLimit: number;
}

/**
 * A station trades a code for its credential: the one route that takes a body without a credential, so its
 * body is small and its attempts per address are few.
 */
export const enrollRoutes: FastifyPluginAsyncZod<EnrollRoutesOptions> = async (app, options) => {
  const { db } = options;
  app.post(
    '/enroll',
    {
      bodyLimit: options.bodyLimit,
      config: { rateLimit: { max: options.enrollPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['sync'],
        summary: 'Trade a one-time enrollment code for a station credential',
        body: EnrollRequest,
        response: { 201: EnrollResponse },
      },
    },
    async (request, reply) => {
      const { code, stationName, role } = request.body;
      const credential = newCredential();
      const stationId = randomUUID();
      const siteId = await db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('enrollment_codes')
          .set({ used_at: new Date(), station_id: stationId })
          .where('code_hash', '=', sha256(normalizeEnrollmentCode(code)))
          .where('used_at', 'is', null)
          .where('expires_at', '>', new Date())
          .returning('site_id')
          .executeTakeFirst();
        if (!used)
          throw new HttpError(401, 'invalid_enrollment_code', 'enrollment code is unknown, expired or already used; ask for a new one');
        await trx
          .insertInto('stations')
          .values({ id: stationId, site_id: used.site_id, name: stationName, role, credential_hash: sha256(credential) })
          .execute();
        return used.site_id;
      });
      return reply.code(201).send({ stationId, siteId, credential });
    },
  );
};
