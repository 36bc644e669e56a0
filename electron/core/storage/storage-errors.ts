/** SQLite failures that mean "the station cannot save", with what a person at the bench should do about it. */
const storageProblems: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the data folder is read-only',
  SQLITE_READONLY_DBMOVED: 'the database file was moved',
  SQLITE_IOERR: 'the disk reported an error',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_BUSY: 'another program holds the database',
};

/** A sentence for the operator when `error` is a storage failure, else undefined. */
export function describeStorageError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const key = Object.keys(storageProblems).find((k) => code === k || code.startsWith(`${k}_`));
  if (!key) return undefined;
  return `The station could not save: ${storageProblems[key]}. Nothing of this action was recorded. Call site IT, then try again.`;
}
