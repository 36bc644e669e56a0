import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareLoadSite, runLoad } from '../support/server/load-driver';
import { type ServerProcess, spawnServerProcesses } from '../support/server/spawn-server';
import { startTestPostgres, type TestPostgres } from './support/postgres';

const ADMIN_KEY = 'load-admin-key';

describe('load: 200 stations against two server processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    postgres = await startTestPostgres();
    const env = {
      DATABASE_URL: postgres.url,
      WAREBENCH_ADMIN_KEY: ADMIN_KEY,
      WAREBENCH_RATE_PER_MINUTE: '1000000',
      WAREBENCH_ENROLL_PER_MINUTE: '100000',
      WAREBENCH_ANONYMOUS_PER_MINUTE: '100000',
      WAREBENCH_DB_POOL: '8',
    };
    servers = await spawnServerProcesses(2, env);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await postgres?.stop();
  }, 60_000);

  it('loses and doubles nothing: one ledger entry per op sent, warm-up included', async () => {
    const options = {
      urls: servers.map((s) => s.url),
      adminKey: ADMIN_KEY,
      siteId: 'load',
      stations: 200,
      opsPerStation: 6,
      batchSize: 3,
      resendChance: 0.3,
      warmupOpsPerStation: 3,
    };
    const { credentials } = await prepareLoadSite(options);
    const result = await runLoad(options, credentials);
    expect(result.opsSent).toBe(1200);
    expect(result.warmupOps).toBe(600);
    expect(result.applied).toBe(1200);
    expect(result.rejected).toBe(0);
    expect(result.duplicates).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ entries: string; ops: string; qty: string }>(
        `SELECT count(*) AS entries, count(DISTINCT op_id) AS ops, sum(qty) AS qty FROM inventory_ledger WHERE site_id = 'load' AND kind = 'receipt'`,
      );
      // The warm-up's ops are in the ledger too, each once.
      expect(rows[0]).toEqual({ entries: '1800', ops: '1800', qty: '1800' });
      const sent = new Set(result.opIds);
      const { rows: ledgerOps } = await client.query<{ op_id: string }>(`SELECT op_id FROM inventory_ledger WHERE site_id = 'load'`);
      expect(ledgerOps.every((r) => sent.has(r.op_id))).toBe(true);
    } finally {
      await client.end();
    }
  }, 180_000);
});
