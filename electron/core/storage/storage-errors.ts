import { type Message, type MessageCode, message } from '../../../shared/messages';

/** SQLite failures that mean "the station cannot save", with what a person at the bench should do about it. */
const storageProblems: Record<string, MessageCode> = {
  SQLITE_FULL: 'storage.diskFull',
  SQLITE_READONLY: 'storage.readOnly',
  SQLITE_READONLY_DBMOVED: 'storage.moved',
  SQLITE_IOERR: 'storage.diskError',
  SQLITE_CANTOPEN: 'storage.cannotOpen',
  SQLITE_CORRUPT: 'storage.damaged',
  SQLITE_BUSY: 'storage.busy',
};

/** The operator's message when `error` is a storage failure, else undefined. */
export function describeStorageError(error: unknown): Message | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const key = Object.keys(storageProblems).find((k) => code === k || code.startsWith(`${k}_`));
  const problem = key ? storageProblems[key] : undefined;
  if (!problem) return undefined;
  return message('errors.storage', { problem: message(problem) });
}
