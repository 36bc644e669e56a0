import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * Loads a renderer module at run time. Renderer code is type-checked by tsconfig.web.json (DOM, no Node);
 * the Node project may not include it, so tests take it untyped and check what they use.
 */
export async function loadRendererModule(path: string): Promise<Record<string, unknown>> {
  const file = join(root, 'renderer', 'src', path);
  return (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
}

export function fn<A extends unknown[], R>(module: Record<string, unknown>, name: string): (...args: A) => R {
  const value = module[name];
  if (typeof value !== 'function') throw new Error(`${name} is not a function of the module`);
  return value as (...args: A) => R;
}
