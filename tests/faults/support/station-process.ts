import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { SyncState } from '../../../shared/domain/sync-state';

const SCRIPT = join(import.meta.dirname, 'scanning-station.ts');

export interface Ack {
  n: number;
  decision: string;
  opId: string;
}

const Ready = z.object({ receiptId: z.string(), stationId: z.string() });

export interface StationProcess {
  ready: z.infer<typeof Ready>;
  pid: number;
  /** Acknowledged scans, in the order the station answered them. */
  acks: Ack[];
  /** Scans answered with an error instead of a decision. */
  refused: string[];
  scan(n: number, data: string): void;
  /** Resolves once `count` scans are acknowledged; rejects if the station dies first or the time runs out. */
  waitForAcks(count: number, timeoutMs?: number): Promise<void>;
  sync(timeoutMs?: number): Promise<SyncState>;
  /** Asks the station to close and waits for it to exit. */
  quit(timeoutMs?: number): Promise<void>;
  /** kill -9, and waits until the process is gone. */
  kill(): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Writes the station config: a real server by URL and the station's credential, no devices. */
export function writeStationConfig(dataDir: string, server: { url: string; credential: string }): void {
  writeFileSync(
    join(dataDir, 'station.json'),
    JSON.stringify({ stationName: 'fault bench', stationRole: 'receiving', server, training: false, devices: [] }, null, 2),
  );
}

/**
 * Starts the station core (`scanning-station.ts`, Node with tsx) on a data folder and waits until it is
 * signed in with PO-1001 open. `onAck` runs for each acknowledged scan as its line arrives.
 */
export async function startStationProcess(
  dataDir: string,
  options: { onAck?: (ack: Ack, count: number) => void; readyTimeoutMs?: number } = {},
): Promise<StationProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined); // writes to a station that was just killed
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const acks: Ack[] = [];
  const refused: string[] = [];
  const waiters = new Set<() => void>();
  const synced: ((state: SyncState) => void)[] = [];
  let ready: ((value: z.infer<typeof Ready>) => void) | null = null;

  createInterface({ input: child.stdout }).on('line', (line) => {
    const [verb, ...rest] = line.split(' ');
    if (verb === 'ACK') {
      const [n, decision, opId] = rest;
      const ack = { n: Number(n), decision: decision ?? '', opId: opId ?? '-' };
      acks.push(ack);
      options.onAck?.(ack, acks.length);
    } else if (verb === 'REFUSED') {
      refused.push(rest.join(' '));
    } else if (verb === 'READY') {
      ready?.(Ready.parse(JSON.parse(rest.join(' '))));
    } else if (verb === 'SYNCED') {
      synced.shift()?.(SyncState.parse(JSON.parse(rest.join(' '))));
    }
    for (const wake of [...waiters]) wake();
  });

  const died = (what: string) =>
    exited.then(({ code, signal }) => {
      throw new Error(`the station exited (${signal ?? code}) before ${what}: ${stderr.join('').slice(-4000)}`);
    });
  const timeout = <T>(ms: number, what: string, promise: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      promise,
      died(what),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}: ${stderr.join('').slice(-4000)}`)), ms);
      }),
    ]).finally(() => clearTimeout(timer));
  };

  const readyInfo = await timeout(
    options.readyTimeoutMs ?? 45_000,
    'the station to be ready',
    new Promise<z.infer<typeof Ready>>((resolve) => (ready = resolve)),
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  const send = (line: string) => {
    if (child.exitCode === null && child.signalCode === null) child.stdin.write(`${line}\n`);
  };

  return {
    ready: readyInfo,
    pid: child.pid ?? -1,
    acks,
    refused,
    exited,
    scan: (n, data) => send(`SCAN ${n} ${data}`),
    waitForAcks(count, timeoutMs = 30_000) {
      return timeout(
        timeoutMs,
        `${count} acknowledged scans (got ${acks.length})`,
        new Promise<void>((resolve) => {
          const check = () => {
            if (acks.length >= count) {
              waiters.delete(check);
              resolve();
            }
          };
          waiters.add(check);
          check();
        }),
      );
    },
    sync(timeoutMs = 30_000) {
      const answer = new Promise<SyncState>((resolve) => synced.push(resolve));
      send('SYNC');
      return timeout(timeoutMs, 'a sync', answer);
    },
    async quit(timeoutMs = 20_000) {
      send('QUIT');
      child.stdin.end();
      const { code } = await timeout(timeoutMs, 'the station to close', exited);
      if (code !== 0) throw new Error(`the station exited with ${code}: ${stderr.join('').slice(-4000)}`);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
