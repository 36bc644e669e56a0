/**
 * Where the station keeps the credential it got at enrollment.
 * - `config-file`: in station.json, which is written readable by the station's user only (browser shell, `warebench serve`).
 * - `keychain`: encrypted by the OS through Electron's safeStorage in the main process; the core holds it in memory
 *   and station.json never contains it.
 */
export interface CredentialStore {
  readonly kind: 'config-file' | 'keychain';
  /** The credential the station holds (keychain only; a config-file credential is read with the config). */
  get(): string | null;
  set(credential: string | null): Promise<void>;
}

export function configFileCredentials(): CredentialStore {
  return { kind: 'config-file', get: () => null, set: async () => undefined };
}

/** A credential kept outside the config: `persist` hands it to the keeper (the Electron main process). */
export function keychainCredentials(initial: string | null, persist: (credential: string | null) => Promise<void>): CredentialStore {
  let current = initial;
  return {
    kind: 'keychain',
    get: () => current,
    async set(credential) {
      await persist(credential);
      current = credential;
    },
  };
}
