/**
 * ZPL to PNG for the UI preview and the simulated printer, with zpl-renderer-js (Zebrash compiled to WASM).
 * The library inlines ~8 MB of WASM, so it loads on the first render, never on import.
 */
import type { Dpi } from './zpl';

export interface PreviewOptions {
  dpi?: Dpi;
  /** Label size in dots; read from `^PW` / `^LL` in the ZPL when absent. */
  widthDots?: number;
  heightDots?: number;
}

export interface ZplPreviewer {
  /** PNG of the first label in `zpl`. */
  render(zpl: string, options?: PreviewOptions): Promise<Uint8Array>;
  /** PNGs of every label (`^XA...^XZ`) in `zpl`. */
  renderAll(zpl: string, options?: PreviewOptions): Promise<Uint8Array[]>;
}

export class PreviewError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PreviewError';
  }
}

interface RendererApi {
  zplToBase64Async(zpl: string, widthMm?: number, heightMm?: number, dpmm?: number): Promise<string>;
  zplToBase64MultipleAsync(zpl: string, widthMm?: number, heightMm?: number, dpmm?: number): Promise<string[]>;
}

/** 4x6 in, used when the ZPL names no size. */
const DEFAULT_WIDTH_IN = 4;
const DEFAULT_HEIGHT_IN = 6;

function lastCommandValue(zpl: string, command: 'PW' | 'LL'): number | undefined {
  const matches = [...zpl.matchAll(new RegExp(`\\^${command}(\\d+)`, 'g'))];
  const value = matches.at(-1)?.[1];
  return value === undefined ? undefined : Number(value);
}

function sizeFor(zpl: string, options: PreviewOptions): { widthMm: number; heightMm: number; dpmm: number } {
  const dpi = options.dpi ?? 203;
  const widthDots = options.widthDots ?? lastCommandValue(zpl, 'PW') ?? DEFAULT_WIDTH_IN * dpi;
  const heightDots = options.heightDots ?? lastCommandValue(zpl, 'LL') ?? DEFAULT_HEIGHT_IN * dpi;
  const dpmm = dpi === 300 ? 12 : 8;
  return { widthMm: (widthDots / dpi) * 25.4, heightMm: (heightDots / dpi) * 25.4, dpmm };
}

function decodeBase64(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

export function createZplPreviewer(): ZplPreviewer {
  let api: Promise<RendererApi> | undefined;
  const load = (): Promise<RendererApi> => {
    api ??= import('zpl-renderer-js').then(async (mod) => (await mod.ready).api);
    return api;
  };
  return {
    async render(zpl, options = {}) {
      const { widthMm, heightMm, dpmm } = sizeFor(zpl, options);
      try {
        return decodeBase64(await (await load()).zplToBase64Async(zpl, widthMm, heightMm, dpmm));
      } catch (cause) {
        throw new PreviewError(`Cannot render the label preview: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
    },
    async renderAll(zpl, options = {}) {
      const { widthMm, heightMm, dpmm } = sizeFor(zpl, options);
      try {
        const labels = await (await load()).zplToBase64MultipleAsync(zpl, widthMm, heightMm, dpmm);
        return labels.map(decodeBase64);
      } catch (cause) {
        throw new PreviewError(`Cannot render the label preview: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
    },
  };
}
