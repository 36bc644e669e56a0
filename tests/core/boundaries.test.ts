import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
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
  [
    ...readFileSync(join(root, file), 'utf8').matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

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

/** The core's folders: two layers every feature builds on, the features, and the composition root. */
const core = 'electron/core';
const layers = ['kernel', 'storage'] as const;
const features = ['session', 'receiving', 'packing', 'returns', 'setup', 'sync', 'devices', 'counts', 'inspection'] as const;
const folders = new Set<string>([...layers, ...features, 'app']);

/** Where a relative import of a core file lands, as a path inside the core ('receiving/repo', 'devices', 'context'), or null outside it. */
function coreTarget(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = normalize(join(dirname(file), spec)).replace(/\\/g, '/');
  return target.startsWith(`${core}/`) ? target.slice(core.length + 1).replace(/\.tsx?$/, '') : null;
}

const coreImports = (): { file: string; folder: string; target: string }[] =>
  sources(core).flatMap((file) => {
    const folder = relative(core, file).split(/[\\/]/)[0] ?? '';
    return importsOf(file).flatMap((spec) => {
      const target = coreTarget(file, spec);
      return target === null ? [] : [{ file, folder, target }];
    });
  });

describe('the station core is organised by feature', () => {
  it('keeps at most 4 files at the root of electron/core, and every folder there is a known layer or feature', () => {
    const entries = readdirSync(join(root, core));
    const files = entries.filter((name) => !statSync(join(root, core, name)).isDirectory());
    expect(files.length, `root files: ${files.join(', ')}`).toBeLessThanOrEqual(4);
    for (const dir of entries.filter((name) => statSync(join(root, core, name)).isDirectory()))
      expect(folders, `unknown folder ${dir}`).toContain(dir);
  });

  it('kernel/ imports nothing of the core outside kernel/', () => {
    for (const { file, folder, target } of coreImports()) {
      if (folder === 'kernel') expect(target.startsWith('kernel/'), `${file} imports ${target}`).toBe(true);
    }
  });

  it('storage/ builds on kernel/ only', () => {
    for (const { file, folder, target } of coreImports()) {
      if (folder === 'storage') expect(/^(kernel|storage)\//.test(target), `${file} imports ${target}`).toBe(true);
    }
  });

  it('a feature reaches another feature through its public index.ts only, and never reaches into app/', () => {
    for (const { file, folder, target } of coreImports()) {
      if (!(features as readonly string[]).includes(folder)) continue;
      const [targetFolder = '', ...rest] = target.split('/');
      expect(targetFolder, `${file} imports ${target}: features never import the composition root`).not.toBe('app');
      if (targetFolder === folder || !(features as readonly string[]).includes(targetFolder)) continue;
      expect(
        rest.length === 0 || (rest.length === 1 && rest[0] === 'index'),
        `${file} imports ${target}, an internal of ${targetFolder}/: import '${targetFolder}' instead`,
      ).toBe(true);
    }
  });

  it('the root files only name types of the features (the context every feature is handed), so they create no cycles', () => {
    for (const file of sources(core).filter((f) => !relative(core, f).includes('/'))) {
      const text = readFileSync(join(root, file), 'utf8');
      const valueImports = [...text.matchAll(/^import\s+(?!type\b)[^;]*from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]);
      expect(valueImports, `${file} imports values from the core`).toEqual([]);
    }
  });

  it('only storage/, the repos (*repo.ts) and the print queue (the print_jobs table) run SQL statements', () => {
    const sqlOwners = /^electron\/core\/(storage\/.*|.*repo\.ts|devices\/printer\/queue\.ts)$/;
    for (const file of sources(core)) {
      if (sqlOwners.test(file)) continue;
      const text = readFileSync(join(root, file), 'utf8');
      expect(/\.(prepare|pragma)\(|\bdb\.exec\(/.test(text), `${file} runs SQL: move the statement into its feature's repo`).toBe(false);
    }
  });
});
