import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

/** Small key/value settings of the station cache (station id, sync cursor, site settings). */
export function createMeta(db: Database) {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM meta WHERE key = ?');
  return {
    get(key: string): string | undefined {
      return (get.get(key) as { value: string } | undefined)?.value;
    },
    set(key: string, value: string): void {
      set.run(key, value);
    },
    delete(key: string): void {
      del.run(key);
    },
    /** A JSON value validated on the way out: a damaged setting reads as absent rather than as a wrong value. */
    getJson<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const raw = get.get(key) as { value: string } | undefined;
      if (!raw) return undefined;
      try {
        const parsed = schema.safeParse(JSON.parse(raw.value));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export type Meta = ReturnType<typeof createMeta>;
