import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { bearerToken, sha256 } from '../credentials';
import type { ChangeNotifier } from '../db/notifier';
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
  interface FastifyInstance {
    /** Drops what this process remembers of a station's credential (the revoking route calls it after its commit). */
    forgetStation(stationId: string): void;
  }
}

export interface AuthOptions {
  db: Kysely<ServerDatabase>;
  /** Key the ERP sends as `Authorization: Bearer <key>`. */
  adminKey: string;
  /** Revocations made by any server process (PostgreSQL NOTIFY). */
  revocations: Pick<ChangeNotifier, 'onRevocation' | 'hearing'>;
}

/** How long a verified station credential is taken without asking the database again, unless a revocation comes first. */
export const CREDENTIAL_MEMORY_MS = 5_000;
const CREDENTIAL_MEMORY_MAX = 10_000;

/**
 * The stations whose credentials this process verified in the last CREDENTIAL_MEMORY_MS: a busy station's pushes
 * and pulls skip a database round trip each. Only valid, unrevoked credentials are kept, keyed by their SHA-256.
 * A revocation drops the station at once in the process that made it, and in the others when PostgreSQL's
 * notification arrives; while revocations cannot be heard (no LISTEN connection) nothing is remembered.
 */
export function createCredentialMemory(hearing: () => boolean, now: () => number = Date.now) {
  const byHash = new Map<string, { station: StationIdentity; until: number }>();
  // A look-up that started before a revocation must not store what it read: the generation tells.
  let generation = 0;
  return {
    get(hash: string): StationIdentity | undefined {
      const entry = byHash.get(hash);
      if (!entry) return undefined;
      if (entry.until > now() && hearing()) return entry.station;
      byHash.delete(hash);
      return undefined;
    },
    generation: () => generation,
    remember(hash: string, station: StationIdentity, readInGeneration: number): void {
      if (readInGeneration !== generation || !hearing()) return;
      if (byHash.size >= CREDENTIAL_MEMORY_MAX) {
        const oldest = byHash.keys().next();
        if (!oldest.done) byHash.delete(oldest.value);
      }
      byHash.set(hash, { station, until: now() + CREDENTIAL_MEMORY_MS });
    },
    /** A revoked station, or null: any station may have been revoked. */
    forget(stationId: string | null): void {
      generation++;
      if (stationId === null) byHash.clear();
      else for (const [hash, entry] of byHash) if (entry.station.id === stationId) byHash.delete(hash);
    },
  };
}

/**
 * Identifies the caller in `onRequest`, before the body is read: the limits plugin then counts the request
 * against the verified credential (or the address), and `requireErp` / `requireStation` refuse it, all
 * before a byte of the body is taken in. A station's credential is looked up, then remembered briefly (see
 * `createCredentialMemory`): a revocation holds from the next request on in the process that made it, and in
 * every other one as soon as PostgreSQL's notification reaches it.
 */
export const authPlugin = fastifyPlugin<AuthOptions>(
  async (app, { db, adminKey, revocations }) => {
    const adminKeyHash = Buffer.from(sha256(adminKey), 'hex');
    // The token's SHA-256 serves both checks: compared in constant time with the admin key's, looked up as a station's.
    const isAdminKeyHash = (hash: string) => timingSafeEqual(Buffer.from(hash, 'hex'), adminKeyHash);
    const memory = createCredentialMemory(() => revocations.hearing());
    const stopHearing = revocations.onRevocation((stationId) => memory.forget(stationId));
    app.addHook('onClose', async () => stopHearing());
    app.decorate('forgetStation', (stationId: string) => memory.forget(stationId));

    async function identify(authorization: string | undefined): Promise<Caller> {
      const token = bearerToken(authorization);
      if (!token) return { kind: 'anonymous', token: 'none' };
      const hash = sha256(token);
      if (isAdminKeyHash(hash)) return { kind: 'erp' };
      const remembered = memory.get(hash);
      if (remembered) return { kind: 'station', station: remembered };
      const generation = memory.generation();
      const station = await db
        .selectFrom('stations')
        .select(['id', 'site_id', 'name', 'role', 'revoked_at'])
        .where('credential_hash', '=', hash)
        .executeTakeFirst();
      if (!station) return { kind: 'anonymous', token: 'unknown' };
      if (station.revoked_at) return { kind: 'anonymous', token: 'revoked', stationName: station.name, revokedAt: station.revoked_at };
      const identity = { id: station.id, siteId: station.site_id, name: station.name, role: station.role };
      memory.remember(hash, identity, generation);
      return { kind: 'station', station: identity };
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
