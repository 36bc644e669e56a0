import { readFileSync } from 'node:fs';
import pg from 'pg';
import { prepareLoadSite, runLoad } from '../../tests/support/server/load-driver';
import { spawnServerProcesses } from '../../tests/support/server/spawn-server';
import { type BenchRow, percentile } from '../types';

/** CPU seconds a process has used so far (Linux /proc), or null where that cannot be read. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * The load figures: WAREBENCH_BENCH_STATIONS stations (default 200) push WAREBENCH_BENCH_STATION_OPS receipt lines
 * each (default 100) in batches of 10, some sent twice, and pull after each batch, through two server processes on
 * one PostgreSQL (a database of its own in the cluster at `pgUrl`, dropped afterwards). Before the clock starts every
 * station pushes WAREBENCH_BENCH_WARMUP_OPS (default 20) the same way: a server runs for weeks, and the first seconds
 * after its start (code not yet compiled, pools filling) are a figure of their own.
 */
export async function loadRows(pgUrl: string, adminKey: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const ADMIN_KEY = adminKey;
  const loadDb = `wb_bench_load_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${loadDb}`);
  const loadUrl = new URL(pgUrl);
  loadUrl.pathname = `/${loadDb}`;
  const env = {
    DATABASE_URL: loadUrl.toString(),
    WAREBENCH_ADMIN_KEY: ADMIN_KEY,
    WAREBENCH_RATE_PER_MINUTE: '10000000',
    WAREBENCH_ENROLL_PER_MINUTE: '1000000',
    WAREBENCH_ANONYMOUS_PER_MINUTE: '1000000',
    WAREBENCH_DB_POOL: '10',
  };
  const servers = await spawnServerProcesses(2, env);
  try {
    const stations = Number(process.env.WAREBENCH_BENCH_STATIONS ?? 200);
    const options = {
      urls: servers.map((s) => s.url),
      adminKey: ADMIN_KEY,
      siteId: 'load',
      stations,
      opsPerStation: Number(process.env.WAREBENCH_BENCH_STATION_OPS ?? 100),
      warmupOpsPerStation: Number(process.env.WAREBENCH_BENCH_WARMUP_OPS ?? 20),
      batchSize: 10,
      resendChance: 0.1,
    };
    const { credentials } = await prepareLoadSite(options);
    let cpuBefore: (number | null)[] = [];
    const result = await runLoad(options, credentials, () => {
      cpuBefore = servers.map((s) => cpuSeconds(s.child.pid));
    });
    const cpuUsed = servers.map((s, i) => {
      const before = cpuBefore[i];
      const after = cpuSeconds(s.child.pid);
      return before === null || before === undefined || after === null ? null : after - before;
    });
    const check = new pg.Client({ connectionString: loadUrl.toString() });
    await check.connect();
    const { rows: counted } = await check.query<{ n: string }>(`SELECT count(*) AS n FROM inventory_ledger WHERE site_id = 'load'`);
    await check.end();
    const ledgerCount = Number(counted[0]?.n ?? -1);
    const ledgerExpected = result.opsSent + result.warmupOps;
    rows.push({
      figure: `load: ${stations} stations push+pull, 2 server processes, PostgreSQL`,
      value: result.opsSent / (result.elapsedMs / 1000),
      unit: 'ops/s',
      note: `${result.opsSent} ops sent after a warm-up of ${result.warmupOps}, ${result.applied} applied, ${result.duplicates} duplicate answers to resends, ${result.rejected} refused; ledger ${ledgerCount} entries${ledgerCount === ledgerExpected ? ' (= ops sent, warm-up included)' : ' (MISMATCH)'}`,
    });
    if (result.warmupOps > 0) {
      rows.push({
        figure: `load: warm-up, first ${options.warmupOpsPerStation} ops of each of ${stations} stations after the servers start (cold)`,
        value: result.warmupOps / (result.warmupMs / 1000),
        unit: 'ops/s',
      });
    }
    rows.push({
      figure: `load: p99 push latency (${stations} stations, batches of ${options.batchSize})`,
      value: percentile(result.pushLatenciesMs, 99),
      unit: 'ms',
      note: `p50 ${percentile(result.pushLatenciesMs, 50).toFixed(1)} ms over ${result.pushes} pushes`,
    });
    for (const [index, url] of options.urls.entries()) {
      const ops = result.opsByUrl[url] ?? 0;
      const cpu = cpuUsed[index];
      // The CPU a process spent per op bounds what one process can take on one core, whatever else shares the machine.
      const perOp = cpu !== null && cpu !== undefined && ops > 0 ? (cpu * 1e6) / ops : null;
      rows.push({
        figure: `load: ops/s of server process ${index + 1} of ${options.urls.length}`,
        value: ops / (result.elapsedMs / 1000),
        unit: 'ops/s',
        ...(perOp ? { note: `${perOp.toFixed(0)} µs CPU per op: at most ${Math.round(1e6 / perOp)} ops/s on one core` } : {}),
      });
    }
    if (ledgerCount !== ledgerExpected || result.rejected > 0)
      throw new Error(`load run: ledger has ${ledgerCount} entries for ${ledgerExpected} ops, ${result.rejected} refused`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await admin.query(`DROP DATABASE IF EXISTS ${loadDb} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}
