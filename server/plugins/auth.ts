import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { bearerToken, sha256 } from '../credentials';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';

export interface StationIdentity {
  id: string;
  siteId: string;
  name: string;
  role: string;
}

/**
 * Who sent a request, as its credential proves: the ERP (the admin key), an enrolled station, or nobody
 * known (no token, a token no one was given, a revoked station's credential).
 */
export type Caller =
  | { kind: 'erp' }
  | { kind: 'station'; station: StationIdentity }
  | { kind: 'anonymous'; token: 'none' | 'unknown' }
  | { kind: 'anonymous'; token: 'revoked'; stationName: string; revokedAt: Date };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth plugin's `onRequest` hook; read it through `callerOf`. */
    caller: Caller | null;
  }
}

export interface AuthOptions {
  db: Kysely<ServerDatabase>;
  /** Key the ERP sends as `Authorization: Bearer <key>`. */
  adminKey: string;
}

/**
 * Identifies the caller in `onRequest`, before the body is read: the limits plugin then counts the request
 * against the verified credential (or the address), and `requireErp` / `requireStation` refuse it, all
 * before a byte of the body is taken in. Stations are looked up on every call, so a revocation holds from
 * the next request on, in every process.
 */
export const authPlugin = fastifyPlugin<AuthOptions>(
  async (app, { db, adminKey }) => {
    const adminKeyHash = Buffer.from(sha256(adminKey), 'hex');
    const isAdminKey = (token: string) => timingSafeEqual(Buffer.from(sha256(token), 'hex'), adminKeyHash);

    async function identify(authorization: string | undefined): Promise<Caller> {
      const token = bearerToken(authorization);
      if (!token) return { kind: 'anonymous', token: 'none' };
      if (isAdminKey(token)) return { kind: 'erp' };
      const station = await db
        .selectFrom('stations')
        .select(['id', 'site_id', 'name', 'role', 'revoked_at'])
        .where('credential_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!station) return { kind: 'anonymous', token: 'unknown' };
      if (station.revoked_at) return { kind: 'anonymous', token: 'revoked', stationName: station.name, revokedAt: station.revoked_at };
      return { kind: 'station', station: { id: station.id, siteId: station.site_id, name: station.name, role: station.role } };
    }

    app.decorateRequest('caller', null);
    app.addHook('onRequest', async (request) => {
      request.caller = await identify(request.headers.authorization);
    });
  },
  { name: 'warebench-auth' },
);

/** Who sent the request; nobody known until the auth plugin has looked at it. */
export function callerOf(request: FastifyRequest): Caller {
  return request.caller ?? { kind: 'anonymous', token: 'none' };
}

/** onRequest hook of the ERP's routes: only the admin key gets through. */
export async function requireErp(request: FastifyRequest): Promise<void> {
  const caller = callerOf(request);
  if (caller.kind === 'erp') return;
  if (caller.kind === 'anonymous' && caller.token === 'none')
    throw new HttpError(401, 'unauthenticated', 'missing "Authorization: Bearer <admin key>"');
  throw new HttpError(401, 'unauthenticated', 'admin key not valid');
}

/** onRequest hook of the station routes: only an enrolled, unrevoked station gets through. */
export async function requireStation(request: FastifyRequest): Promise<void> {
  stationOf(request);
}

/** The station that sent the request (after `requireStation`). */
export function stationOf(request: FastifyRequest): StationIdentity {
  const caller = callerOf(request);
  if (caller.kind === 'station') return caller.station;
  if (caller.kind === 'anonymous' && caller.token === 'none') {
    throw new HttpError(401, 'unauthenticated', 'missing "Authorization: Bearer <station credential>"; enroll the station first');
  }
  if (caller.kind === 'anonymous' && caller.token === 'revoked') {
    throw new HttpError(
      401,
      'station_revoked',
      `station "${caller.stationName}" was revoked on ${caller.revokedAt.toISOString()}; enroll it again with a new code`,
    );
  }
  throw new HttpError(401, 'unknown_station', 'station credential not recognised; enroll the station again');
}
