import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createStation, type Station } from '../../../electron/core/app/station';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { createSyncClient, type SyncClient, type SyncClientOptions } from '../../../electron/core/sync/client';
import { ScanFeedback } from '../../../shared/contract/station';
import { demo } from '../../../shared/demo/dataset';
import { ReceiptView } from '../../../shared/domain/receiving';
import { boltGtin, type CentralServer } from './central-server';
import { until } from './until';

export interface ReceivingBench {
  station: Station;
  sync: SyncClient;
  db: Database;
  /** The station as the server knows it. */
  serverStationId: string;
  receiptId: string;
  /** One bolt scanned on PO-1001; the op id of the line it recorded. */
  scan(): Promise<string>;
  /** The receipt.line ops of the outbox by state. */
  outboxStates(): Record<string, number>;
  /** Op ids of the station's received lines. */
  lineOps(): string[];
  close(): Promise<void>;
}

/**
 * A real station (SQLite file, receiving workflow) whose sync client talks to the server at `serverUrl`
 * (a proxy in between, usually), enrolled at the server, its cache filled, signed in, PO-1001 open.
 */
export async function startReceivingBench(
  server: CentralServer,
  options: { dir: string; name: string; serverUrl: string; sync?: Partial<SyncClientOptions> },
): Promise<ReceivingBench> {
  const enrolled = await server.enrollStation(options.name);
  const db = await openStationDatabase(join(options.dir, `${options.name}.sqlite`));
  let client: SyncClient | undefined;
  const station = createStation({
    db,
    sync: (deps) => {
      client = createSyncClient({
        ...deps,
        serverUrl: options.serverUrl,
        credential: enrolled.credential,
        backoff: { initialMs: 20, maxMs: 200 },
        pollIntervalMs: 3_600_000,
        ...options.sync,
      });
      return client;
    },
  });
  if (!client) throw new Error('the station made no sync client');
  const sync = client;
  await until(async () => (await sync.syncNow()).initialSync.done, 'the first sync');
  const call = async (command: string, input: unknown) => {
    const result = await station.call(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  await call('session.signIn', { badge: demo.badges.receiver });
  await call('workflow.select', { workflow: 'receiving' });
  const receipt = ReceiptView.parse(await call('receiving.open', { reference: demo.po }));
  const gtin = boltGtin(server.dataset);
  const lastLineOp = db.prepare('SELECT op_id FROM receipt_lines ORDER BY id DESC LIMIT 1');

  return {
    station,
    sync,
    db,
    serverStationId: enrolled.stationId,
    receiptId: receipt.receiptId,
    async scan() {
      const feedback = ScanFeedback.parse(await call('scan.submit', { data: gtin }));
      if (feedback.outcome !== 'accepted') throw new Error(`scan not accepted: ${feedback.message}`);
      return (lastLineOp.get() as { op_id: string }).op_id;
    },
    outboxStates() {
      const rows = db.prepare("SELECT state, count(*) AS n FROM outbox WHERE kind = 'receipt.line' GROUP BY state").all() as {
        state: string;
        n: number;
      }[];
      return Object.fromEntries(rows.map((r) => [r.state, r.n]));
    },
    lineOps() {
      return (db.prepare('SELECT op_id FROM receipt_lines WHERE undone_at IS NULL').all() as { op_id: string }[]).map((r) => r.op_id);
    },
    close: () => station.close(),
  };
}
