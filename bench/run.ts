import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, BenchRow } from './types';

/** `npm run bench`: every benchmark program in bench/, one table, and bench/results/latest.json. */
const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f))
  .sort();

const results: { benchmark: string; rows: BenchRow[]; error?: string }[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { benchmark?: Benchmark };
  const bench = mod.benchmark;
  if (!bench || (only.length && !only.includes(bench.name))) continue;
  process.stderr.write(`running ${bench.name}…\n`);
  const started = performance.now();
  try {
    const rows = await bench.run();
    results.push({ benchmark: bench.name, rows });
    for (const row of rows)
      process.stderr.write(
        `  ${row.figure}: ${row.value.toFixed(3)} ${row.unit}${row.baseline ? ` (${row.baseline.name}: ${row.baseline.value.toFixed(3)})` : ''}\n`,
      );
  } catch (error) {
    results.push({ benchmark: bench.name, rows: [], error: (error as Error).stack ?? String(error) });
  }
  process.stderr.write(`  ${bench.name} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));
const table: string[][] = [['benchmark', 'figure', 'value', 'unit', 'baseline', 'ratio']];
for (const r of results) {
  if (r.error) table.push([r.benchmark, 'FAILED', '', '', r.error.split('\n')[0] ?? '', '']);
  for (const row of r.rows) {
    table.push([
      r.benchmark,
      row.figure,
      fmt(row.value),
      row.unit,
      row.baseline ? `${row.baseline.name} = ${fmt(row.baseline.value)}` : '',
      row.baseline && row.baseline.value !== 0 ? `${fmt(row.value / row.baseline.value)}x` : '',
    ]);
  }
}
const widths = (table[0] ?? []).map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
for (const [n, r] of table.entries()) {
  console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | '));
  if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
}
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(
  join(dir, 'results', 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2),
);
if (results.some((r) => r.error)) process.exitCode = 1;
