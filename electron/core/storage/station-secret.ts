import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';

const KEY_BYTES = 32;

/** The SQL function that turns a badge or PIN into its keyed hash: `station_secret_hash(kind, value)`. */
export const SECRET_HASH_FUNCTION = 'station_secret_hash';

/**
 * Where the station's secret key lives: a file of its own beside the cache (mode 0600 in a 0700 folder), never inside
 * `station.sqlite`, so that the cache alone (a copied file, a backup) does not let anyone test badges against it.
 */
export const stationKeyPath = (databasePath: string): string => join(dirname(databasePath), 'station.key');

/** Reads the station's key, making one on first use; an in-memory cache gets a key of its own that dies with it. */
export function loadStationKey(databasePath: string): Buffer {
  if (databasePath === ':memory:') return randomBytes(KEY_BYTES);
  const path = stationKeyPath(databasePath);
  try {
    const key = readFileSync(path);
    if (key.length === KEY_BYTES) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  writeFileSync(path, key, { mode: 0o600 });
  return key;
}

/**
 * HMAC-SHA256 under the station's key, with the kind of secret in the message: a badge and a PIN that share digits hash apart.
 * A keyed hash rather than scrypt: badges are short codes a slow hash would not protect once the key is known, and the
 * lookup by badge must find its row by index; what protects them is the key kept outside the cache.
 */
export function secretHash(key: Buffer, kind: 'badge' | 'pin', value: string): Buffer {
  return createHmac('sha256', key).update(`${kind}\u0000${value}`).digest();
}

/** Registers the hash function on the connection: the migration, the master-data writer and the lookups all use it. */
export function registerSecretHash(db: Database, key: Buffer): void {
  db.function(SECRET_HASH_FUNCTION, { deterministic: true }, (kind: unknown, value: unknown) => {
    if ((kind !== 'badge' && kind !== 'pin') || typeof value !== 'string') throw new TypeError(`${SECRET_HASH_FUNCTION}: bad arguments`);
    return secretHash(key, kind, value);
  });
}

/** A fingerprint of the key kept in meta: it tells whether the hashes in the cache were made with this key. */
export const keyFingerprint = (key: Buffer): string => createHmac('sha256', key).update('warebench station key check').digest('hex');
