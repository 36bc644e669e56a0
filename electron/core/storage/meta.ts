import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

/** A JSON value validated on the way out: a damaged setting reads as absent rather than as a wrong value. */
function parseJson<T>(text: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Small key/value settings of the station cache (station id, sync cursor, site settings). */
export function createMeta(db: Database) {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM meta WHERE key = ?');
  const parsedOnce = new Map<string, { text: string; schema: z.ZodType<unknown>; value: unknown }>();
  const read = (key: string): string | undefined => (get.get(key) as { value: string } | undefined)?.value;
  return {
    get: read,
    set(key: string, value: string): void {
      set.run(key, value);
    },
    delete(key: string): void {
      del.run(key);
    },
    /** A JSON value validated on the way out: a damaged setting reads as absent rather than as a wrong value. */
    getJson<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const text = read(key);
      return text === undefined ? undefined : parseJson(text, schema);
    },
    /**
     * `getJson` for a setting read on every scan (the site settings): validated again only when its text changed.
     * Every caller gets the same object, which must not be changed.
     */
    getSharedJson<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const text = read(key);
      if (text === undefined) return undefined;
      const known = parsedOnce.get(key);
      if (known && known.text === text && known.schema === schema) return known.value as T;
      const value = parseJson(text, schema);
      parsedOnce.set(key, { text, schema, value });
      return value;
    },
  };
}

export type Meta = ReturnType<typeof createMeta>;
