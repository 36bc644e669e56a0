import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '');

const nodeBuiltin = /^(node:|fs$|path$|os$|child_process$|net$|http$|crypto$|worker_threads$)/;
const nativeAddons = ['better-sqlite3', 'serialport', 'node-hid', '@serialport/bindings-cpp'];

describe('process boundaries', () => {
  it('electron/core and shared never import electron, the renderer or DOM code', () => {
    for (const file of [...sources('electron/core'), ...sources('shared')]) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toBe('electron');
        expect(spec, `${file} imports ${spec}`).not.toMatch(/renderer\//);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^react/);
      }
    }
  });

  it('shared never imports Node built-ins or native addons (the renderer uses it)', () => {
    for (const file of sources('shared')) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(nodeBuiltin);
        expect(nativeAddons, `${file} imports ${spec}`).not.toContain(spec);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/electron\/|server\//);
      }
    }
  });

  it('the renderer imports only shared/, its own files and browser packages', () => {
    for (const file of sources('renderer/src')) {
      for (const spec of importsOf(file)) {
        expect(spec, `${relative(root, file)} imports ${spec}`).not.toMatch(nodeBuiltin);
        expect(spec, `${file} imports ${spec}`).not.toBe('electron');
        expect(spec, `${file} imports ${spec}`).not.toMatch(/electron\/|server\//);
        expect(nativeAddons).not.toContain(spec);
      }
    }
  });

  it('server imports neither electron/ nor renderer/', () => {
    for (const file of sources('server')) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)electron(\/|$)|renderer\//);
      }
    }
  });

  it('native addons load lazily: no static import of them anywhere in the core', () => {
    for (const file of sources('electron/core')) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const addon of nativeAddons) {
        const staticImport = new RegExp(`^import\\s+(?!type\\b)[^;]*from\\s+['"]${addon}['"]`, 'm');
        expect(staticImport.test(text), `${file} statically imports ${addon}`).toBe(false);
      }
    }
  });
});
