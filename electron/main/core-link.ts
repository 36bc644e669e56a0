import { type UtilityProcess, utilityProcess } from 'electron';
import { type BackoffPolicy, backoffDelay } from '../../shared/backoff';
import { message } from '../../shared/messages';
import type { Result } from '../../shared/rpc';
import { type CoreInit, FromCore, type ToCore } from './core-protocol';

export interface CoreLinkOptions {
  /** The built core entry (out/main/core.js). */
  modulePath: string;
  /** Made fresh for every start: launch settings and the decrypted credential. */
  init(): CoreInit;
  onEvent(event: string, payload: unknown): void;
  onFailed(message: string): void;
  /** The core enrolled or left its server: keep (or forget) the credential. Throws when it cannot be kept. */
  onCredential(credential: string | null): void;
  log(message: string): void;
  /** The core died and is being restarted: whoever was signed in is signed out. */
  onRestart(): void;
}

export interface CoreLink {
  start(): void;
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  stop(): Promise<void>;
}

/** A core that keeps dying is restarted less and less often, up to every 30 s. */
const restartBackoff: Partial<BackoffPolicy> = { initialMs: 1000, maxMs: 30_000 };

/** The station core in a utility process: started, restarted when it dies, stopped on quit; calls carry ids. */
export function createCoreLink(options: CoreLinkOptions): CoreLink {
  let child: UtilityProcess | null = null;
  let stopping = false;
  let nextId = 1;
  let restarts = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();

  const post = (message: ToCore) => child?.postMessage(message);

  const start = () => {
    const proc = utilityProcess.fork(options.modulePath, [], { serviceName: 'warebench-core', stdio: 'inherit' });
    child = proc;
    proc.on('spawn', () => post(options.init()));
    proc.on('message', (raw: unknown) => {
      const parsed = FromCore.safeParse(raw);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.type === 'result') {
        pending.get(m.id)?.(m.result as Result<unknown>);
        pending.delete(m.id);
      } else if (m.type === 'event') options.onEvent(m.event, m.payload);
      else if (m.type === 'failed') options.onFailed(m.message);
      else if (m.type === 'ready') restarts = 0;
      else if (m.type === 'credential') {
        try {
          options.onCredential(m.credential);
          post({ type: 'credential.saved', id: m.id, ok: true });
        } catch (error) {
          post({ type: 'credential.saved', id: m.id, ok: false, message: (error as Error).message });
        }
      }
    });
    proc.on('exit', (code) => {
      for (const [, done] of pending) done({ ok: false, error: { code: 'offline', message: message('errors.coreRestarting') } });
      pending.clear();
      if (child === proc) child = null;
      if (stopping) return;
      const delay = backoffDelay(restarts++, restartBackoff);
      options.log(`station core exited with code ${code}; restarting in ${delay} ms`);
      options.onRestart();
      setTimeout(start, delay);
    });
  };

  return {
    start,
    invoke(command, input) {
      if (!child) return Promise.resolve({ ok: false, error: { code: 'offline', message: message('errors.coreStarting') } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        post({ type: 'invoke', id, command, input });
      });
    },
    async stop() {
      stopping = true;
      const proc = child;
      if (!proc) return;
      const exited = new Promise<void>((done) => proc.once('exit', () => done()));
      post({ type: 'shutdown' });
      const timer = setTimeout(() => proc.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
