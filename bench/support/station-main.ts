// A station core in its own process, for start-up and memory figures: prints one JSON line when ready to scan.
import { bootStation } from '../../electron/core/app/boot';
import { silentLogger } from '../../electron/core/kernel/log';

const started = performance.now();
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: station-main <dataDir>');
const station = await bootStation({ dataDir, log: silentLogger() });
await station.call('session.signIn', { badge: '1002' });
const first = await station.call('scan.submit', { data: process.argv[3] ?? '09506000134352' });
process.stdout.write(
  `${JSON.stringify({ readyMs: performance.now() - started, firstScanOk: first.ok, rss: process.memoryUsage().rss })}\n`,
);
process.stdin.once('data', async () => {
  await station.close();
  process.exit(0);
});
