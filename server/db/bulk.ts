import { type RawBuilder, sql } from 'kysely';

/** PostgreSQL types a bulk insert passes as arrays (one parameter per column). */
export type BulkType = 'text' | 'uuid' | 'int4' | 'int8' | 'bool' | 'jsonb' | 'date' | 'timestamptz';

type Cell = string | number | boolean | Date | null | undefined;

/** The columns of a bulk insert: name and PostgreSQL type, in the order they are written. */
export type BulkColumns<Row> = readonly { readonly name: keyof Row & string; readonly type: BulkType }[];

function cell(value: Cell): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * `INSERT INTO <table> (<columns>) SELECT * FROM unnest($1::type[], $2::type[], …)`: one parameter per column
 * whatever the number of rows, so PostgreSQL parses and plans a statement of a few lines instead of a VALUES list
 * of thousands of parameters (about three times faster for a batch of 200 rows). `tail` follows the SELECT
 * (ON CONFLICT …, RETURNING …).
 */
export function bulkInsert<Row extends Record<string, unknown>>(
  table: string,
  columns: BulkColumns<Row>,
  rows: readonly Row[],
  tail: RawBuilder<unknown> = sql``,
): RawBuilder<unknown> {
  const arrays = columns.map((c) => sql`${rows.map((row) => cell(row[c.name] as Cell))}::${sql.raw(c.type)}[]`);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))}) SELECT * FROM unnest(${sql.join(arrays)}) ${tail}`;
}
