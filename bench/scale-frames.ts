import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSerialTransport } from '../electron/core/devices/io/serial';
import type { ByteTransport } from '../electron/core/devices/io/transport';
import { createHidScaleFramer } from '../electron/core/devices/scale/hid-pos';
import type { ScaleFramer, ScaleMessage } from '../electron/core/devices/scale/message';
import { createMtSicsFramer } from '../electron/core/devices/scale/mt-sics';
import { createNciFramer } from '../electron/core/devices/scale/nci';
import { createToledoFramer, encodeToledoFrame } from '../electron/core/devices/scale/toledo-continuous';
import { type Benchmark, type BenchRow, percentile } from './types';

const FRAMES = 20_000;
const CHUNK = 4096;
const SAMPLES = 300;
const encoder = new TextEncoder();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Streams of FRAMES frames as each protocol puts them on the wire, weights varying. */
function streams(): Record<string, { bytes: Uint8Array; reports?: Uint8Array[] }> {
  const weights = Array.from({ length: FRAMES }, (_, i) => (i * 37) % 100_000);
  const reports = weights.map((w) => Uint8Array.of(0x03, 0x04, 0x0b, 0xff, w & 0xff, (w >> 8) & 0xff));
  return {
    'mt-sics': { bytes: encoder.encode(weights.map((w) => `S S ${(w / 1000).toFixed(3).padStart(10)} kg\r\n`).join('')) },
    nci: { bytes: encoder.encode(weights.map((w) => `\n${(w / 100).toFixed(2).padStart(7, '0')}lb\r\n00\r\x03`).join('')) },
    toledo: { bytes: concat(weights.map((weight) => encodeToledoFrame({ swa: 0x2c, swb: 0x30, swc: 0x20, weight }))) },
    'hid-pos': { bytes: concat(reports), reports },
  };
}

function framerFor(protocol: string): ScaleFramer {
  if (protocol === 'mt-sics') return createMtSicsFramer();
  if (protocol === 'nci') return createNciFramer();
  if (protocol === 'toledo') return createToledoFramer();
  return createHidScaleFramer();
}

function framesPerSecond(protocol: string, stream: { bytes: Uint8Array; reports?: Uint8Array[] }): number {
  const framer = framerFor(protocol);
  let readings = 0;
  const start = performance.now();
  if (stream.reports) {
    for (const report of stream.reports) readings += framer.push(report).length;
  } else {
    for (let offset = 0; offset < stream.bytes.length; offset += CHUNK) {
      for (const message of framer.push(stream.bytes.subarray(offset, offset + CHUNK))) if (message.type === 'reading') readings += 1;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (readings !== FRAMES) throw new Error(`${protocol}: ${readings} readings from ${FRAMES} frames`);
  return FRAMES / seconds;
}

/** Baseline: decode the same bytes and split them at line ends (frames located, nothing parsed or validated). */
function bareSplitPerSecond(stream: { bytes: Uint8Array; reports?: Uint8Array[] }): number {
  const decoder = new TextDecoder('latin1');
  let sink = 0;
  const start = performance.now();
  if (stream.reports) {
    for (const report of stream.reports) sink += (report[4] ?? 0) + (report[5] ?? 0) * 256;
  } else {
    for (let offset = 0; offset < stream.bytes.length; offset += CHUNK)
      sink += decoder.decode(stream.bytes.subarray(offset, offset + CHUNK)).split(/\r\n?|\n/).length;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) throw new Error('unreachable');
  return FRAMES / seconds;
}

async function startPty(dir: string): Promise<{ device: string; peer: string; child: ChildProcess }> {
  const device = join(dir, 'scale');
  const peer = join(dir, 'peer');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${peer}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 5000;
  while (!(log.includes('starting data transfer loop') && existsSync(device) && existsSync(peer))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`socat did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { device, peer, child };
}

/** Times `count` exchanges: `send` starts one, `done` (fed every data chunk) says when it completed. */
async function timeExchanges(
  receiver: ByteTransport,
  count: number,
  send: (i: number) => Promise<void>,
  done: (bytes: Uint8Array) => boolean,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const finished = new Promise<void>((resolve) => {
      const off = receiver.on('data', (bytes) => {
        if (!done(bytes)) return;
        off();
        resolve();
      });
    });
    const start = performance.now();
    await send(i);
    await finished;
    samples.push(performance.now() - start);
  }
  return samples.slice(20);
}

async function ptyLatencies(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'wb-bench-'));
  const pty = await startPty(dir);
  const station = createSerialTransport({ path: pty.device, baudRate: 115_200 });
  const peer = createSerialTransport({ path: pty.peer, baudRate: 115_200 });
  try {
    await station.open();
    await peer.open();

    // Baseline: one byte out and echoed back, no framing.
    const offEcho = peer.on('data', (bytes) => void peer.write(bytes));
    const raw = await timeExchanges(
      station,
      SAMPLES + 20,
      () => station.write(Uint8Array.of(0x55)),
      (bytes) => bytes.length > 0,
    );
    offEcho();

    // MT-SICS: station sends SI, the peer answers, the framer yields the reading.
    const mtReply = encoder.encode('S S      1.234 kg\r\n');
    const offAnswer = peer.on('data', (bytes) => {
      if (bytes.includes(0x0a)) void peer.write(mtReply);
    });
    const mt = createMtSicsFramer();
    const mtSamples = await timeExchanges(
      station,
      SAMPLES + 20,
      () => station.write(encoder.encode('SI\r\n')),
      (bytes) => mt.push(bytes).some((m: ScaleMessage) => m.type === 'reading'),
    );
    offAnswer();

    // Toledo: one streamed frame, peer to station, until the framer yields its reading; baseline the same bytes arriving.
    const frame = encodeToledoFrame({ swa: 0x2c, swb: 0x30, swc: 0x20, weight: 1234 });
    let arrived = 0;
    const rawFrame = await timeExchanges(
      station,
      SAMPLES + 20,
      () => peer.write(frame),
      (bytes) => {
        arrived += bytes.length;
        if (arrived < frame.length) return false;
        arrived = 0;
        return true;
      },
    );
    const toledo = createToledoFramer();
    const toledoSamples = await timeExchanges(
      station,
      SAMPLES + 20,
      () => peer.write(frame),
      (bytes) => toledo.push(bytes).some((m) => m.type === 'reading'),
    );

    const row = (figure: string, samples: number[], p: number, baselineName: string, baseline: number[]): BenchRow => ({
      figure,
      value: Number(percentile(samples, p).toFixed(3)),
      unit: 'ms',
      baseline: { name: baselineName, value: Number(percentile(baseline, p).toFixed(3)) },
    });
    return [
      row('mt-sics SI → reading over pty, p50', mtSamples, 50, 'raw 1-byte pty round trip p50', raw),
      row('mt-sics SI → reading over pty, p99', mtSamples, 99, 'raw 1-byte pty round trip p99', raw),
      row('toledo frame → reading over pty, p50', toledoSamples, 50, 'raw 18-byte frame over pty p50', rawFrame),
      row('toledo frame → reading over pty, p99', toledoSamples, 99, 'raw 18-byte frame over pty p99', rawFrame),
    ];
  } finally {
    await station.close();
    await peer.close();
    const exited = new Promise((resolve) => pty.child.once('exit', resolve));
    pty.child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  name: 'scale-frames',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    for (const [protocol, stream] of Object.entries(streams())) {
      framesPerSecond(protocol, stream); // warm-up
      bareSplitPerSecond(stream);
      const baseline = bareSplitPerSecond(stream);
      rows.push({
        figure: `${protocol} frames parsed per second`,
        value: Math.round(framesPerSecond(protocol, stream)),
        unit: 'frames/s',
        baseline: {
          name: stream.reports ? 'bare field read of the same reports' : 'decode + split at line ends, same bytes',
          value: Math.round(baseline),
        },
      });
    }
    rows.push(...(await ptyLatencies()));
    return rows;
  },
};
