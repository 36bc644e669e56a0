import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Pictures of shipping labels for the pack screen, rendered off the station's main thread: the ZPL renderer (WASM)
 * takes about a second of CPU per label, and the packer scans that very label a moment later; on the main thread
 * the scan would wait for the picture. One worker, started on the first picture, one label at a time.
 */
export interface LabelPictures {
  /**
   * PNG data URLs of the labels in `zpl` (a 4×6 in label at 203 dpi unless the ZPL sets ^PW/^LL); `fallback` draws
   * them where no worker can load the renderer.
   */
  render(zpl: string, fallback: () => Promise<string[]>): Promise<string[]>;
  /** Starts the worker and loads the renderer in it, so the first label's picture does not wait for that. */
  warm(): void;
  close(): Promise<void>;
}

// Plain CommonJS for an eval'd worker: it loads the renderer from the path the station resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let api;
parentPort.on('message', async (job) => {
  try {
    api ??= Promise.resolve(require(workerData.renderer)).then(async (mod) => (await (mod.ready ?? mod.default.ready)).api);
    if (job.warm) return void (await api);
    const images = await (await api).zplToBase64MultipleAsync(job.zpl, job.widthMm, job.heightMm, job.dpmm);
    parentPort.postMessage({ id: job.id, images });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
  }
});
`;

const DPI = 203;

function lastValue(zpl: string, command: 'PW' | 'LL'): number | undefined {
  const value = [...zpl.matchAll(new RegExp(`\\^${command}(\\d+)`, 'g'))].at(-1)?.[1];
  return value === undefined ? undefined : Number(value);
}

interface Pending {
  resolve: (images: string[]) => void;
  reject: (error: Error) => void;
}

export function createLabelPictures(): LabelPictures {
  let worker: Worker | null = null;
  let broken = false;
  let next = 0;
  const pending = new Map<number, Pending>();

  const start = (): Worker | null => {
    if (worker || broken) return worker;
    try {
      const renderer = createRequire(import.meta.url).resolve('zpl-renderer-js');
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { renderer } });
      worker.unref();
      worker.on('message', (m: { id: number; images?: string[]; error?: string }) => {
        const job = pending.get(m.id);
        pending.delete(m.id);
        if (!job) return;
        if (m.images) job.resolve(m.images.map((b64) => `data:image/png;base64,${b64}`));
        else job.reject(new Error(m.error ?? 'no picture'));
      });
      worker.on('error', (error) => {
        broken = true;
        worker = null;
        for (const job of pending.values()) job.reject(error);
        pending.clear();
      });
    } catch {
      // The renderer cannot be resolved from here (a bundle that inlined it): pictures render on the main thread.
      broken = true;
    }
    return worker;
  };

  return {
    render(zpl, fallback) {
      const w = start();
      if (!w) return fallback();
      const widthDots = lastValue(zpl, 'PW') ?? 4 * DPI;
      const heightDots = lastValue(zpl, 'LL') ?? 6 * DPI;
      const id = ++next;
      return new Promise<string[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, zpl, widthMm: (widthDots / DPI) * 25.4, heightMm: (heightDots / DPI) * 25.4, dpmm: 8 });
      });
    },
    warm() {
      start()?.postMessage({ warm: true });
    },
    async close() {
      const w = worker;
      worker = null;
      broken = true;
      if (w) await w.terminate();
    },
  };
}
