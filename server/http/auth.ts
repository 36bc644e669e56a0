import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from './errors';

export interface StationIdentity {
  id: string;
  siteId: string;
  name: string;
  role: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    station: StationIdentity | null;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** A station credential: 256 random bits. Only its SHA-256 is stored (high entropy, so no slow hash is needed). */
export function newCredential(): string {
  return `wbs_${randomBytes(32).toString('base64url')}`;
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** A one-time enrollment code a person can type: 12 base32 characters (60 bits) as XXXX-XXXX-XXXX. */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function adminGuard(adminKey: string): preHandlerAsyncHookHandler {
  const expected = Buffer.from(sha256(adminKey), 'hex');
  return async (request) => {
    const token = bearerToken(request);
    if (!token) throw new HttpError(401, 'unauthenticated', 'missing "Authorization: Bearer <admin key>"');
    if (!timingSafeEqual(Buffer.from(sha256(token), 'hex'), expected)) throw new HttpError(401, 'unauthenticated', 'admin key not valid');
  };
}

/** Looks the station up on every call, so a revocation holds from the next request on, in every process. */
export function stationGuard(db: Kysely<ServerDatabase>): preHandlerAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) throw new HttpError(401, 'unauthenticated', 'missing "Authorization: Bearer <station credential>"; enroll the station first');
    const station = await db
      .selectFrom('stations')
      .select(['id', 'site_id', 'name', 'role', 'revoked_at'])
      .where('credential_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!station) throw new HttpError(401, 'unknown_station', 'station credential not recognised; enroll the station again');
    if (station.revoked_at) {
      throw new HttpError(401, 'station_revoked', `station "${station.name}" was revoked on ${station.revoked_at.toISOString()}; enroll it again with a new code`);
    }
    request.station = { id: station.id, siteId: station.site_id, name: station.name, role: station.role };
  };
}

export function requireStation(request: FastifyRequest): StationIdentity {
  if (!request.station) throw new HttpError(401, 'unauthenticated', 'station authentication required');
  return request.station;
}
