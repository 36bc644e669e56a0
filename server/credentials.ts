import { createHash, randomBytes } from 'node:crypto';

/** Station credentials, enrollment codes and the Bearer header they travel in. */

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
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
