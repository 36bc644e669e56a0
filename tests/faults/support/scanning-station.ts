// A station core in its own process, booted on a data folder linked to a central server, receiving on PO-1001.
// stdin, one command a line:  SCAN <n> <data>  |  SYNC  |  QUIT
// stdout, one answer a line:  READY <json>  |  ACK <n> <decision> <opId|->  |  REFUSED <n> <code> <message>  |  SYNCED <json>

import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { bootStation } from '../../../electron/core/app/boot';
import { silentLogger } from '../../../electron/core/kernel/log';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { ScanFeedback } from '../../../shared/contract/station';
import { demo } from '../../../shared/demo/dataset';
import { ReceiptView } from '../../../shared/domain/receiving';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: scanning-station <dataDir>');

const say = (line: string) => process.stdout.write(`${line}\n`);

const station = await bootStation({ dataDir, log: silentLogger() });
const call = async <T>(command: string, input: unknown, schema: z.ZodType<T>): Promise<T> => {
  const result = await station.call(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.code}: ${result.error.message}`);
  return schema.parse(result.value);
};

// A first start fills the cache from the server; a restart has it already.
for (let attempt = 0; !station.context.sync.state().initialSync.done; attempt++) {
  if (attempt === 100) throw new Error(`the first sync did not finish: ${station.context.sync.state().lastError ?? 'no error'}`);
  await station.context.sync.syncNow();
  if (!station.context.sync.state().initialSync.done) await new Promise((r) => setTimeout(r, 100));
}
await call('session.signIn', { badge: demo.badges.receiver }, z.unknown());
await call('workflow.select', { workflow: 'receiving' }, z.unknown());
const receipt = await call('receiving.open', { reference: demo.po }, ReceiptView);
say(`READY ${JSON.stringify({ receiptId: receipt.receiptId, stationId: station.context.stationId })}`);

// A second connection to the station's cache: the station's own is private to its repos.
const cache = await openStationDatabase(join(dataDir, 'station.sqlite'));
const lastLineOp = cache.prepare('SELECT op_id FROM receipt_lines ORDER BY id DESC LIMIT 1');
for await (const line of createInterface({ input: process.stdin })) {
  const [verb, n, data] = line.split(' ');
  if (verb === 'SCAN' && n && data) {
    const result = await station.call('scan.submit', { data });
    if (!result.ok) {
      say(`REFUSED ${n} ${result.error.code} ${result.error.message.code}`);
      continue;
    }
    const feedback = ScanFeedback.parse(result.value);
    const opId = feedback.outcome === 'accepted' ? ((lastLineOp.get() as { op_id: string | null } | undefined)?.op_id ?? '-') : '-';
    say(`ACK ${n} ${feedback.outcome} ${opId}`);
  } else if (verb === 'SYNC') {
    say(`SYNCED ${JSON.stringify(await station.context.sync.syncNow())}`);
  } else if (verb === 'QUIT') {
    break;
  }
}
cache.close();
await station.close();
process.exit(0);
