import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDatasetIntoCache } from '../electron/core/storage/load-demo';
import { openStationDatabase } from '../electron/core/storage/open';
import { buildDemoDataset } from '../shared/demo/dataset';
import { tempDir } from '../tests/support/temp-dir';
import { benchGtin, seedCatalog } from './support/big-catalog';
import type { Benchmark, BenchRow } from './types';

interface Ready {
  readyMs: number;
  firstScanOk: boolean;
  rss: number;
  spawnToReadyMs: number;
}

function runStation(dataDir: string, scan: string): Promise<Ready> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'station-main.ts'), dataDir, scan], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        child.stdin.write('stop\n');
        resolve({ ...(JSON.parse(line) as Omit<Ready, 'spawnToReadyMs'>), spawnToReadyMs: performance.now() - t0 });
      }
    });
    child.once('exit', (code) => code !== 0 && reject(new Error(`station exited with ${code}`)));
  });
}

/** Start-up to ready-to-scan and resident memory of a station core (training devices, no embedded server), with the demo catalog and with a large one. */
export const benchmark: Benchmark = {
  name: 'station-startup',
  async run(): Promise<BenchRow[]> {
    const items = Number(process.env.WAREBENCH_BENCH_ITEMS ?? 1_000_000);
    const small = tempDir('wb-bench-small-');
    const big = tempDir('wb-bench-big-');
    try {
      for (const dir of [small.path, big.path]) {
        const db = await openStationDatabase(join(dir, 'station.sqlite'));
        loadDatasetIntoCache(db, buildDemoDataset());
        if (dir === big.path) seedCatalog(db, items);
        db.close();
        // The core alone: no embedded server beside it in the same process (it would dominate both figures).
        writeFileSync(join(dir, 'station.json'), JSON.stringify({ server: null }));
      }
      const baseline = await runStation(small.path, benchGtin(0));
      const loaded = await runStation(big.path, benchGtin(items - 1));
      return [
        {
          figure: `process start to first scan answered, ${items.toLocaleString('en')} items`,
          value: loaded.spawnToReadyMs,
          unit: 'ms',
          baseline: { name: 'demo catalog (300 items)', value: baseline.spawnToReadyMs },
        },
        {
          figure: `core boot (db open, devices, station) to first scan, ${items.toLocaleString('en')} items`,
          value: loaded.readyMs,
          unit: 'ms',
          baseline: { name: 'demo catalog (300 items)', value: baseline.readyMs },
        },
        {
          figure: `core resident memory, ${items.toLocaleString('en')} items`,
          value: loaded.rss / 2 ** 20,
          unit: 'MiB',
          baseline: { name: 'demo catalog (300 items)', value: baseline.rss / 2 ** 20 },
        },
      ];
    } finally {
      small.remove();
      big.remove();
    }
  },
};
