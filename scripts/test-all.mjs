// `npm test`: typecheck, lint and format check (Biome), build all three targets, unit/integration tests (vitest),
// e2e (Playwright + Chromium), then one closing line `N passed, N failed` summed over every step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(name, command, args) {
  if (only.length && !only.includes(name)) return;
  if (run(name, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed +=
    (report.numFailedTests ?? 0) +
    (report.numRuntimeErrors ?? 0) +
    (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.stats?.expected ?? 0;
  failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0) + (report.errors?.length ?? 0);
  return true;
}

mkdirSync('test-results', { recursive: true });
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck-web', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
step('lint', 'npx', ['biome', 'check', '.']);
step('build', 'npx', ['electron-vite', 'build']);

if (!only.length || only.includes('unit')) {
  rmSync('test-results/vitest.json', { force: true });
  const ok = run('unit', 'npx', ['vitest', 'run']);
  if (!countVitest('test-results/vitest.json')) {
    failed += 1;
    failures.push('unit (no report)');
  } else if (!ok && failed === 0) {
    failed += 1;
    failures.push('unit (runner failed)');
  }
}

if (!only.length || only.includes('e2e')) {
  rmSync('test-results/playwright.json', { force: true });
  const ok = run('e2e', 'npx', ['playwright', 'test']);
  if (!countPlaywright('test-results/playwright.json')) {
    failed += 1;
    failures.push('e2e (no report)');
  } else if (!ok) {
    failures.push('e2e');
  }
}

if (existsSync('scripts/pack-check.mjs') && (!only.length || only.includes('pack'))) step('pack', 'node', ['scripts/pack-check.mjs']);

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);
