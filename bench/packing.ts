/**
 * The pack bench. Scan-to-decision for a 200-line order: a hardware scan enters `station.scan()`, is parsed,
 * matched to the order's lines, checked (hold, expiry, line complete) and, when accepted, written with its journal
 * entry in one transaction on a real SQLite file; baseline: one bare durable journal write in the same run. Each scan
 * arrives as its own event-loop task, as from a device. The station first packs one order right after start (its cold
 * figure is reported on its own line), then the measured order: the steady state of a bench that has been working.
 * Then the shipping label: built from the template and sent to a real loopback TCP listener (raw port-9100 style);
 * baseline: the same bytes written on a plain socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStation } from '../electron/core/app/station';
import { createTcpPrinterTransport } from '../electron/core/devices/printer/delivery/tcp';
import { silentLogger } from '../electron/core/kernel/log';
import type { ShipmentLabelInput } from '../electron/core/packing/carriers/carrier';
import { createHouseCarrier } from '../electron/core/packing/carriers/house';
import { loadDatasetIntoCache } from '../electron/core/storage/load-demo';
import { createMasterDataWriter } from '../electron/core/storage/master-data';
import { openStationDatabase } from '../electron/core/storage/open';
import { buildDemoDataset } from '../shared/demo/dataset';
import { makeSscc } from '../shared/scan';
import { type Benchmark, type BenchRow, nextTask, percentile } from './types';

const LINES = 200;
const QTY = 3;
const WRONG_SCANS = 300;
const LABELS = 200;
const SENDS = 100;

const ms = (n: number) => Number(n.toFixed(3));

/** A loopback listener that takes a job, waits for the sender's FIN and closes, counting bytes. */
async function sink(): Promise<{ server: Server; port: number; bytes: () => number }> {
  let received = 0;
  const server = createServer((socket) => {
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('end', () => socket.end());
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, bytes: () => received };
}

function rawSend(port: number, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.end(data));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

export const benchmark: Benchmark = {
  name: 'packing',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'warebench-bench-packing-'));
    const listener = await sink();
    try {
      const dataset = buildDemoDataset(new Date(), 400);
      const db = await openStationDatabase(join(dir, 'station.sqlite'));
      loadDatasetIntoCache(db, dataset);
      const plain = dataset.items.filter((i) => !i.serialTracked && i.id.startsWith('ITM-0')).slice(0, LINES);
      if (plain.length < LINES) throw new Error(`the demo catalog has only ${plain.length} items without serials`);
      const template = dataset.orders[0];
      if (!template) throw new Error('the demo dataset has no order');
      const bigOrder = {
        ...template,
        id: 'SO-BENCH',
        number: 'SO-BENCH',
        tote: 'T-BENCH',
        status: 'open' as const,
        lines: plain.map((item, i) => ({ lineNo: i + 1, itemId: item.id, qty: QTY })),
      };
      // A first order packed right after start, then the measured one: the station's steady state, beside its cold start.
      const firstOrder = {
        ...bigOrder,
        id: 'SO-FIRST',
        number: 'SO-FIRST',
        tote: 'T-FIRST',
        lines: bigOrder.lines.map((l) => ({ ...l, qty: 1 })),
      };
      db.transaction(() => {
        const writer = createMasterDataWriter(db);
        writer.order(firstOrder);
        writer.order(bigOrder);
      })();

      const station = createStation({ db, log: silentLogger(), dataDir: dir });
      const call = async (command: string, input: unknown) => {
        const result = await station.call(command, input);
        if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
      };
      await call('session.signIn', { badge: '1002' });
      await call('workflow.select', { workflow: 'packing' });
      const scan = (data: string) => station.scan({ data, symbology: 'unknown', source: 'serial', at: new Date().toISOString() });

      // Lot-tracked items scan as GS1 with expiry and lot (the hold and expiry checks run on them).
      const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
      const unitCode = (itemIndex: number): string => {
        const item = plain[itemIndex];
        const gtin = item?.barcodes.find((b) => b.packQty === 1)?.code ?? '';
        return item?.lotTracked ? `(01)${gtin}(17)${nextYear}0630(10)B${itemIndex}` : gtin;
      };
      const timedScan = async (code: string, times: number[]) => {
        await nextTask();
        const start = performance.now();
        const feedback = await scan(code);
        times.push(performance.now() - start);
        return feedback;
      };
      if ((await scan('SO-FIRST')).outcome !== 'accepted') throw new Error('the first order did not open');
      const firstAccepted: number[] = [];
      for (let i = 0; i < LINES; i += 1)
        if ((await timedScan(unitCode(i), firstAccepted)).outcome !== 'accepted') throw new Error(`first order scan ${i} was not accepted`);
      await call('packing.leave', {});
      if ((await scan('SO-BENCH')).outcome !== 'accepted') throw new Error('the bench order did not open');

      const accepted: number[] = [];
      for (let round = 0; round < QTY; round += 1) {
        for (let i = 0; i < LINES; i += 1) {
          const feedback = await timedScan(unitCode(i), accepted);
          if (feedback.outcome !== 'accepted') throw new Error(`scan ${round}/${i} was not accepted: ${feedback.message}`);
        }
      }
      const wrongItem = dataset.items.find((i) => !plain.includes(i) && !i.lotTracked && !i.serialTracked)?.barcodes[0]?.code ?? '';
      const stopped: number[] = [];
      for (let i = 0; i < WRONG_SCANS; i += 1) {
        const feedback = await timedScan(wrongItem, stopped);
        if (feedback.reason !== 'wrong_item' && feedback.reason !== 'line_complete')
          throw new Error(`a wrong scan was not stopped: ${feedback.message}`);
      }

      // Baseline: one journal entry in its own durable transaction (what an accepted scan cannot do without).
      const append = db.prepare(
        "INSERT INTO journal (at, station_id, operator_id, kind, payload) VALUES (?, 'bench', 'OP-BEN', 'bench.write', '{}')",
      );
      const writes: number[] = [];
      for (let i = 0; i < 300; i += 1) {
        await nextTask();
        const start = performance.now();
        db.transaction(() => append.run(new Date().toISOString()))();
        writes.push(performance.now() - start);
      }
      await station.close();

      // Shipping labels: template build, then raw TCP send to the loopback listener.
      let serial = 0;
      const house = createHouseCarrier({ stationCode: '0001', nextSerial: () => ++serial });
      const input = (i: number): ShipmentLabelInput => ({
        orderId: bigOrder.id,
        orderNumber: bigOrder.number,
        cartonId: `C-${i}`,
        cartonNumber: 1,
        cartonCount: 1,
        sscc: makeSscc(0, dataset.site.gs1CompanyPrefix, i + 1),
        carrier: 'HOUSE',
        service: 'STANDARD',
        weightG: 1234,
        shipTo: bigOrder.shipTo,
        shipFrom: dataset.site.shipFrom,
      });
      const builds: number[] = [];
      const zpls: string[] = [];
      for (let i = 0; i < LABELS; i += 1) {
        const start = performance.now();
        const label = await house.createShipmentLabel(input(i));
        builds.push(performance.now() - start);
        zpls.push(label.zpl ?? '');
      }
      const printer = createTcpPrinterTransport({ host: '127.0.0.1', port: listener.port });
      const encoder = new TextEncoder();
      const bytes = zpls.map((z) => encoder.encode(z));
      for (let i = 0; i < 10; i += 1) await printer.send(bytes[i] ?? new Uint8Array());
      const sends: number[] = [];
      const raws: number[] = [];
      for (let i = 0; i < SENDS; i += 1) {
        const data = bytes[i % bytes.length] ?? new Uint8Array();
        let start = performance.now();
        await printer.send(data);
        sends.push(performance.now() - start);
        start = performance.now();
        await rawSend(listener.port, data);
        raws.push(performance.now() - start);
      }
      if (listener.bytes() === 0) throw new Error('the listener received nothing');

      const writeP50 = percentile(writes, 50);
      return [
        {
          figure: `scan-to-decision p50, unit accepted (${LINES}-line order: parse, line match, hold/expiry checks, unit + journal in one transaction)`,
          value: ms(percentile(accepted, 50)),
          unit: 'ms',
          baseline: { name: 'bare durable journal write p50 (ms)', value: ms(writeP50) },
        },
        {
          figure: 'scan-to-decision p99, unit accepted',
          value: ms(percentile(accepted, 99)),
          unit: 'ms',
          baseline: { name: 'bare durable journal write p99 (ms)', value: ms(percentile(writes, 99)) },
        },
        {
          figure: `scan-to-decision p99, unit accepted, first order after start (${LINES} scans, cold)`,
          value: ms(percentile(firstAccepted, 99)),
          unit: 'ms',
          baseline: { name: 'bare durable journal write p99 (ms)', value: ms(percentile(writes, 99)) },
        },
        {
          figure: 'scan-to-decision p50, wrong item stopped (nothing counted, stop journaled)',
          value: ms(percentile(stopped, 50)),
          unit: 'ms',
          baseline: { name: 'bare durable journal write p50 (ms)', value: ms(writeP50) },
        },
        { figure: 'scan-to-decision p99, wrong item stopped', value: ms(percentile(stopped, 99)), unit: 'ms' },
        {
          figure: 'shipping label build p50 (house tracking number + 4x6 ZPL from the template)',
          value: ms(percentile(builds, 50)),
          unit: 'ms',
        },
        { figure: 'shipping label build p99', value: ms(percentile(builds, 99)), unit: 'ms' },
        {
          figure: `label send p50 to a loopback TCP listener (${Math.round((bytes[0]?.length ?? 0) / 100) / 10} kB ZPL, connect-write-close)`,
          value: ms(percentile(sends, 50)),
          unit: 'ms',
          baseline: { name: 'plain socket write of the same bytes p50 (ms)', value: ms(percentile(raws, 50)) },
        },
        {
          figure: 'label send p99',
          value: ms(percentile(sends, 99)),
          unit: 'ms',
          baseline: { name: 'plain socket write p99 (ms)', value: ms(percentile(raws, 99)) },
        },
      ];
    } finally {
      await new Promise<void>((resolve) => listener.server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
