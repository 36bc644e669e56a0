import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type BackoffPolicy, backoffDelay } from '../../shared/backoff';
import type { EventName } from '../../shared/events';
import { isEventName } from '../../shared/events';
import { message } from '../../shared/messages';
import type { Result } from '../../shared/rpc';
import type { HostedConnection, HostedCore } from '../core/app/host';
import type { Logger } from '../core/kernel/log';
import { type FromCoreChild, FromCoreChild as FromCoreChildSchema, type ToCoreChild } from './core-child-protocol';

export interface CoreSupervisorOptions {
  init: Extract<ToCoreChild, { type: 'init' }>;
  log: Logger;
  /** The core died and a new one is starting: every connection to the old one is gone. */
  onRestart(reason: string): void;
}

export interface CoreSupervisor extends HostedCore {
  /** Starts the first core; resolves when it is ready (with the embedded server, if any), rejects when it failed to boot. */
  start(): Promise<{ embedded: { url: string; adminKey: string; siteId: string } | null }>;
  /** The running core's process id (for site IT and tests); null between a crash and the restart. */
  pid(): number | null;
  stop(): Promise<void>;
}

/** A core that keeps dying is restarted less and less often, up to every 30 s. */
const restartBackoff: Partial<BackoffPolicy> = { initialMs: 500, maxMs: 30_000 };

/** The Node options that let the child load the TypeScript sources, as this process does. */
function childExecArgv(): string[] {
  const argv = [...process.execArgv];
  if (import.meta.url.endsWith('.ts') && !argv.some((a) => a.includes('tsx'))) argv.push('--import', import.meta.resolve('tsx'));
  return argv;
}

/**
 * Runs the station core in a child process and restarts it with backoff when it dies, as Electron's main process
 * does with its utility process. The host stays up meanwhile; calls on a dead core's connections answer `offline`.
 */
export function createCoreSupervisor(options: CoreSupervisorOptions): CoreSupervisor {
  const entry = join(import.meta.dirname, import.meta.url.endsWith('.ts') ? 'core-child.ts' : 'core-child.js');
  let child: ChildProcess | null = null;
  let generation = 0;
  let stopping = false;
  let restarts = 0;
  let nextConnection = 1;
  let nextCall = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<number, Set<(event: EventName, payload: unknown) => void>>();
  /** Open connections and the core generation each belongs to. */
  const connections = new Map<number, number>();
  let firstStart: {
    ready(embedded: { url: string; adminKey: string; siteId: string } | null): void;
    failed(message: string): void;
  } | null = null;

  const post = (message: ToCoreChild): boolean => {
    if (!child?.connected) return false;
    child.send(message);
    return true;
  };

  const onMessage = (raw: unknown) => {
    const parsed = FromCoreChildSchema.safeParse(raw);
    if (!parsed.success) return;
    const message: FromCoreChild = parsed.data;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result as Result<unknown>);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      if (!isEventName(message.event)) return;
      const event = message.event;
      for (const listener of listeners.get(message.connection) ?? []) listener(event, message.payload);
    } else if (message.type === 'ready') {
      restarts = 0;
      firstStart?.ready(message.embedded);
      firstStart = null;
    } else {
      options.log.error({ reason: message.message }, 'station core failed to start');
      if (firstStart) {
        firstStart.failed(message.message);
        firstStart = null;
      } else {
        // A restart that cannot boot (the folder still locked by the dying core, a device gone) is tried again, less and less often.
        child?.kill('SIGKILL');
      }
    }
  };

  const launch = () => {
    generation += 1;
    const proc = fork(entry, [], { execArgv: childExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    child = proc;
    proc.on('message', onMessage);
    proc.on('error', (error) => options.log.error({ err: error }, 'station core process error'));
    proc.once('exit', (code, signal) => {
      if (child === proc) child = null;
      for (const [, done] of pending) done({ ok: false, error: { code: 'offline', message: message('errors.coreRestarting') } });
      pending.clear();
      for (const [connection, born] of connections) {
        if (born <= generation) {
          connections.delete(connection);
          listeners.delete(connection);
        }
      }
      if (stopping) return;
      if (firstStart) {
        firstStart.failed(`the station core exited with ${signal ?? `code ${code}`} while starting`);
        firstStart = null;
        return;
      }
      const delay = backoffDelay(restarts++, restartBackoff);
      const reason = `station core exited with ${signal ?? `code ${code}`}`;
      options.log.error({ code, signal, delay }, `${reason}; restarting it`);
      options.onRestart(reason);
      setTimeout(() => {
        if (!stopping) launch();
      }, delay);
    });
    post(options.init);
    // Windows that connected while no core ran belong to this one.
    for (const [connection, born] of connections) if (born === generation) post({ type: 'connect', connection });
  };

  return {
    start() {
      return new Promise((resolve, reject) => {
        firstStart = { ready: (embedded) => resolve({ embedded }), failed: (message) => reject(new Error(message)) };
        launch();
      });
    },
    pid: () => child?.pid ?? null,
    connect(): HostedConnection {
      const connection = nextConnection++;
      // Between a crash and the restart, a new window belongs to the core about to start.
      const born = child ? generation : generation + 1;
      const own = new Set<(event: EventName, payload: unknown) => void>();
      listeners.set(connection, own);
      connections.set(connection, born);
      if (child) post({ type: 'connect', connection });
      const alive = () => born === generation && child !== null;
      const closed = { ok: false as const, error: { code: 'offline' as const, message: message('errors.coreRestarting') } };
      return {
        call(command, input) {
          const id = nextCall++;
          if (!alive()) return Promise.resolve(closed);
          return new Promise((resolve) => {
            pending.set(id, resolve);
            if (!post({ type: 'invoke', connection, id, command, input })) {
              pending.delete(id);
              resolve(closed);
            }
          });
        },
        subscribe(listener) {
          own.add(listener);
          return () => own.delete(listener);
        },
        close() {
          listeners.delete(connection);
          connections.delete(connection);
          if (alive()) post({ type: 'disconnect', connection });
        },
      };
    },
    async stop() {
      stopping = true;
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise<void>((done) => proc.once('exit', () => done()));
      post({ type: 'shutdown' });
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
