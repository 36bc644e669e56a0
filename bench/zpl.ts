/**
 * Label printing speed: building the shipping label, and building + sending it over raw TCP to a real
 * loopback listener (new connection per label, as the station prints). Baseline: writing the same bytes
 * on a socket that is already open, i.e. the cost of the network path alone.
 */
import { readFileSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createTcpPrinterTransport } from '../electron/core/devices/printer/delivery/tcp';
import { labelTemplates } from '../electron/core/devices/printer/templates';
import { ShippingLabelInput } from '../electron/core/devices/printer/templates/shipping';
import { zplBytes } from '../electron/core/devices/printer/zpl';
import { type Benchmark, type BenchRow, percentile } from './types';

const BUILD_SECONDS = 1;
const SENDS = 400;

function shippingInput(): unknown {
  return JSON.parse(readFileSync(new URL('../resources/labels/examples/shipping.json', import.meta.url), 'utf8'));
}

interface Sink {
  port: number;
  /** Resolves once `total` bytes arrived on the newest connection. */
  receivedAtLeast(total: number): Promise<void>;
  close(): Promise<void>;
}

/** Loopback listener: reads everything, closes a connection when the client half-closes. */
async function startSink(): Promise<Sink> {
  let persistentBytes = 0;
  // Counts only the newest connection: the long-lived one of the baseline.
  let waiter: { total: number; resolve: () => void } | undefined;
  const sockets = new Set<Socket>();
  let newest: Socket | undefined;
  const server = createServer((socket) => {
    sockets.add(socket);
    newest = socket;
    persistentBytes = 0;
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      if (socket !== newest) return;
      persistentBytes += chunk.length;
      if (waiter && persistentBytes >= waiter.total) {
        const { resolve } = waiter;
        waiter = undefined;
        resolve();
      }
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sink has no port');
  return {
    port: address.port,
    receivedAtLeast: (total) =>
      persistentBytes >= total
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiter = { total, resolve };
          }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const benchmark: Benchmark = {
  name: 'zpl',
  async run(): Promise<BenchRow[]> {
    const input = ShippingLabelInput.parse(shippingInput());
    const template = labelTemplates.shipping;

    // Build rate (validation included, as the station builds from raw data).
    for (let i = 0; i < 200; i++) template.build(input);
    let built = 0;
    const buildStart = performance.now();
    while (performance.now() - buildStart < BUILD_SECONDS * 1000) {
      template.build(input);
      built++;
    }
    const buildRate = built / ((performance.now() - buildStart) / 1000);

    const sink = await startSink();
    try {
      // Build + send, new connection per label.
      const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: sink.port });
      const sendTimes: number[] = [];
      for (let i = 0; i < SENDS + 20; i++) {
        const start = performance.now();
        await transport.send(zplBytes(template.build(input)));
        if (i >= 20) sendTimes.push(performance.now() - start);
      }

      // Baseline: the same bytes on an already-open socket, until the listener has them.
      const bytes = zplBytes(template.build(input));
      const socket = createConnection({ host: '127.0.0.1', port: sink.port });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      const writeTimes: number[] = [];
      let total = 0;
      for (let i = 0; i < SENDS + 20; i++) {
        total += bytes.byteLength;
        const start = performance.now();
        socket.write(bytes);
        await sink.receivedAtLeast(total);
        if (i >= 20) writeTimes.push(performance.now() - start);
      }
      socket.destroy();

      const ms = (value: number): number => Math.round(value * 1000) / 1000;
      const p50 = ms(percentile(writeTimes, 50));
      const p99 = ms(percentile(writeTimes, 99));
      return [
        {
          figure: 'shipping labels built per second',
          value: Math.round(buildRate),
          unit: 'labels/s',
          note: `${bytes.byteLength} bytes each`,
        },
        {
          figure: 'build + TCP send per label, p50',
          value: ms(percentile(sendTimes, 50)),
          unit: 'ms',
          baseline: { name: 'bare write on open socket, p50', value: p50 },
        },
        {
          figure: 'build + TCP send per label, p99',
          value: ms(percentile(sendTimes, 99)),
          unit: 'ms',
          baseline: { name: 'bare write on open socket, p99', value: p99 },
        },
      ];
    } finally {
      await sink.close();
    }
  },
};
