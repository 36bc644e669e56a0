import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { initial } from '../../server/db/migrations/0001-initial';
import { migrations } from '../../server/db/migrations/index';
import { openServerDb, type ServerDb } from '../../server/db/open';
import type { Backend } from './support/harness';
import { startTestPostgres, type TestPostgres } from './support/postgres';

const backends: Backend[] = ['pglite', 'postgres'];

describe.each(backends)('server migrations [%s]', (backend) => {
  let postgres: TestPostgres | undefined;
  let serverDb: ServerDb | undefined;

  afterEach(async () => {
    await serverDb?.close();
    await postgres?.stop();
    serverDb = undefined;
    postgres = undefined;
  }, 60_000);

  async function freshDb(): Promise<ServerDb> {
    if (backend === 'postgres') {
      postgres = await startTestPostgres();
      serverDb = await openServerDb({ databaseUrl: postgres.url, poolSize: 2 });
    } else {
      serverDb = await openServerDb({});
    }
    return serverDb;
  }

  it('are numbered one after the other from 1, one file each', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('bring a database made at schema version 1 up to date, keeping its ops, exceptions and receipt lines', async () => {
    const { db } = await freshDb();
    expect(await migrate(db, [initial])).toMatchObject({ from: 0, to: 1 });
    const stationId = randomUUID();
    const opId = randomUUID();
    await sql`INSERT INTO sites (id, settings) VALUES ('S1', '{}')`.execute(db);
    await sql`INSERT INTO stations (id, site_id, name, role, credential_hash) VALUES (${stationId}, 'S1', 'bench', 'both', 'h')`.execute(
      db,
    );
    await sql`INSERT INTO applied_ops (op_id, site_id, station_id, station_seq, kind, status, code, reason, at, operator_id, payload)
      VALUES (${opId}, 'S1', ${stationId}, 1, 'receipt.line', 'rejected', 'over_receipt', 'too many', now(), 'OP', '{}')`.execute(db);
    await sql`INSERT INTO station_exceptions (op_id, site_id, station_id, kind, code, reason) VALUES (${opId}, 'S1', ${stationId}, 'receipt.line', 'over_receipt', 'too many')`.execute(
      db,
    );
    await sql`INSERT INTO receipt_lines (op_id, site_id, receipt_id, po_id, item_id, qty, condition, held, station_id, operator_id, at)
      VALUES (${opId}, 'S1', 'R1', 'PO1', 'A', 1, 'good', false, ${stationId}, 'OP', now())`.execute(db);

    const result = await migrate(db);
    expect(result.from).toBe(1);
    expect(result.to).toBe(migrations.length);
    expect(result.applied).toEqual(migrations.slice(1).map((m) => `${m.version}-${m.name}`));
    expect(await db.selectFrom('applied_ops').select(['op_id', 'station_id', 'code']).execute()).toEqual([
      { op_id: opId, station_id: stationId, code: 'over_receipt' },
    ]);
    expect(await db.selectFrom('station_exceptions').select(['op_id', 'station_id']).execute()).toEqual([
      { op_id: opId, station_id: stationId },
    ]);
    expect(await db.selectFrom('receipt_lines').select(['op_id', 'station_id']).execute()).toEqual([
      { op_id: opId, station_id: stationId },
    ]);

    // The same op id from another station is another op now; the same station's copy still collides.
    const otherStation = randomUUID();
    await sql`INSERT INTO applied_ops (op_id, site_id, station_id, station_seq, kind, status, at, operator_id, payload)
      VALUES (${opId}, 'S1', ${otherStation}, 1, 'receipt.line', 'applied', now(), 'OP', '{}')`.execute(db);
    await expect(
      sql`INSERT INTO applied_ops (op_id, site_id, station_id, station_seq, kind, status, at, operator_id, payload)
        VALUES (${opId}, 'S1', ${stationId}, 2, 'receipt.line', 'applied', now(), 'OP', '{}')`.execute(db),
    ).rejects.toThrow(/duplicate key|unique/i);
    expect(await migrate(db)).toMatchObject({ from: migrations.length, applied: [] });
  }, 60_000);
});
