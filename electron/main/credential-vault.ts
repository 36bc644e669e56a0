import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';

/**
 * The station's server credential, encrypted with the OS's secret store (DPAPI, Keychain, libsecret/kwallet)
 * through safeStorage, in a file next to the station's data. Only the main process can decrypt it; the core gets
 * it by message at start, the renderer never.
 */
export interface CredentialVault {
  /** Whether the OS can encrypt: without it the credential stays in station.json (readable by the station's user only). */
  available(): boolean;
  read(): string | null;
  write(credential: string | null): void;
}

export function createCredentialVault(file: string, log: (message: string) => void): CredentialVault {
  return {
    available() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      // On Linux without a keyring Chromium falls back to a fixed key: that is not secret storage.
      return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
    },
    read() {
      if (!existsSync(file)) return null;
      try {
        return safeStorage.decryptString(readFileSync(file));
      } catch (error) {
        log(`the stored credential cannot be decrypted (${(error as Error).message}); enroll the station again`);
        return null;
      }
    },
    write(credential) {
      if (credential === null) {
        rmSync(file, { force: true });
        return;
      }
      const temp = `${file}.tmp`;
      writeFileSync(temp, safeStorage.encryptString(credential), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
