// Packaging check (run by `npm test`): validates electron-builder.yml, builds the app, packs it for Linux as an
// unpacked `dir` against a stub Electron, and checks what a station would get: the built app inside app.asar and
// nothing else, the native addons unpacked, the fuses flipped, the udev rules and the update feed config beside it.
// Prints one PASS/FAIL line per check; exits non-zero when any fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { makeStubElectronDist } from '../build/pack/stub-electron.mjs';

// electron-builder's own modules (config validation, asar, fuses), loaded the way electron-builder itself loads them.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const requireFromBuilderLib = createRequire(requireFromBuilder.resolve('app-builder-lib'));
const root = join(import.meta.dirname, '..');
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
};
const run = (command, args, env = {}) => {
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    timeout: 150_000,
    encoding: 'utf8',
  });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
};
const tail = (text, lines = 25) => text.trim().split('\n').slice(-lines).join('\n');

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'warebench-pack-'));
try {
  // 1. electron-builder's own schema validation of the config file.
  const { getConfig, validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config');
  const { DebugLogger } = requireFromBuilder('builder-util');
  let config = null;
  try {
    config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    check('electron-builder.yml passes electron-builder validation', true);
  } catch (error) {
    check(
      'electron-builder.yml passes electron-builder validation',
      false,
      String(error?.stack ?? error)
        .trim()
        .split('\n')
        .slice(0, 4)
        .join(' | '),
    );
  }

  // 2. Build all three targets.
  const build = run('npx', ['electron-vite', 'build']);
  if (!check('electron-vite build', build.ok)) console.log(tail(build.output));

  // 3. Pack the Linux `dir` target against the stub Electron.
  const stub = makeStubElectronDist(join(work, 'electron-dist'));
  const output = join(work, 'dist');
  const pack = build.ok
    ? run(
        'npx',
        [
          'electron-builder',
          '--linux',
          'dir',
          '--x64',
          '--publish',
          'never',
          `-c.electronDist=${stub}`,
          '-c.npmRebuild=false',
          `-c.directories.output=${output}`,
        ],
        {
          WAREBENCH_UPDATE_FEED_URL: process.env.WAREBENCH_UPDATE_FEED_URL ?? 'https://updates.warebench.invalid/station/',
          CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        },
      )
    : { ok: false, output: 'skipped: the build failed' };
  const appDir = join(output, 'linux-unpacked');
  if (!check('electron-builder packs the Linux dir target', pack.ok && existsSync(appDir), pack.ok ? '' : 'see the output below'))
    console.log(tail(pack.output, 40));

  if (existsSync(appDir)) {
    const resources = join(appDir, 'resources');
    const asarPath = join(resources, 'app.asar');
    if (check('app.asar exists', existsSync(asarPath))) {
      const asar = requireFromBuilderLib('@electron/asar');
      const entries = asar.listPackage(asarPath, { isPack: false }).map((p) => p.replace(/\\/g, '/'));
      const has = (p) => entries.includes(p);
      for (const p of ['/package.json', '/out/main/index.js', '/out/main/core.js', '/out/preload/index.cjs', '/out/renderer/index.html'])
        check(`app.asar holds ${p}`, has(p));
      const topLevel = [...new Set(entries.map((p) => p.split('/')[1]))].sort();
      check(
        'app.asar holds only out/, node_modules/ and package.json at its root',
        topLevel.every((t) => ['out', 'node_modules', 'package.json'].includes(t)),
        topLevel.join(', '),
      );
      const appFiles = entries.filter((p) => !p.startsWith('/node_modules/'));
      const sources = entries.filter(
        (p) =>
          /\.(ts|tsx|mts|cts)$/.test(p) ||
          /^\/(electron|renderer\/src|shared|server|tests|bench|scripts|build)\//.test(p) ||
          /\.(test|spec)\.[cm]?js$/.test(p),
      );
      check('app.asar holds no sources, tests or type declarations', sources.length === 0, sources.slice(0, 5).join(', '));
      check(
        'the app part of app.asar has no source maps',
        appFiles.every((p) => !p.endsWith('.map')),
      );
      const pkg = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
      check('packaged package.json has no scripts or devDependencies', !pkg.scripts && !pkg.devDependencies, Object.keys(pkg).join(','));
    }

    const unpacked = filesUnder(join(resources, 'app.asar.unpacked'));
    for (const [name, prefix] of [
      ['better-sqlite3', 'node_modules/better-sqlite3/'],
      ['serialport (@serialport/bindings-cpp)', 'node_modules/@serialport/bindings-cpp/'],
      ['node-hid', 'node_modules/node-hid/'],
    ]) {
      // The Linux x64 binary (a prebuild, or one compiled into build/Release) is what this pack loads.
      const addons = unpacked.filter((p) => p.startsWith(prefix) && p.endsWith('.node') && /linux-x64|build\/Release\//.test(p));
      check(`app.asar.unpacked holds the Linux x64 .node addon of ${name}`, addons.length > 0, addons.slice(0, 2).join(', '));
    }
    const packedAddons = existsSync(asarPath)
      ? requireFromBuilderLib('@electron/asar')
          .listPackage(asarPath, { isPack: false })
          .filter((p) => p.endsWith('.node') && !statFileUnpacked(asarPath, p))
      : [];
    check('no .node addon is left inside app.asar', packedAddons.length === 0, packedAddons.slice(0, 3).join(', '));

    const binary = join(appDir, 'warebench');
    if (check('the executable is named warebench', existsSync(binary))) {
      const { getCurrentFuseWire, FuseV1Options } = requireFromBuilderLib('@electron/fuses');
      const wire = await getCurrentFuseWire(binary);
      const want = {
        RunAsNode: false,
        EnableCookieEncryption: true,
        EnableNodeOptionsEnvironmentVariable: false,
        EnableNodeCliInspectArguments: false,
        EnableEmbeddedAsarIntegrityValidation: true,
        OnlyLoadAppFromAsar: true,
        GrantFileProtocolExtraPrivileges: false,
      };
      for (const [fuse, on] of Object.entries(want)) {
        const state = wire[FuseV1Options[fuse]];
        check(`fuse ${fuse} is ${on ? 'on' : 'off'}`, state === (on ? 49 : 48), `wire value ${state}`);
      }
    }

    check('udev rules sit beside the app (resources/udev)', existsSync(join(resources, 'udev', '99-warebench.rules')));
    check(
      'label templates and device profiles sit beside the app',
      existsSync(join(resources, 'labels')) && existsSync(join(resources, 'devices')),
    );
    const updateConfig = join(resources, 'app-update.yml');
    check(
      'app-update.yml names the generic update feed',
      existsSync(updateConfig) && /provider: generic/.test(readFileSync(updateConfig, 'utf8')),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function statFileUnpacked(asarPath, p) {
  const entry = requireFromBuilderLib('@electron/asar').statFile(asarPath, p.replace(/^\//, ''), false);
  return Boolean(entry && 'unpacked' in entry && entry.unpacked);
}

const failed = results.filter((ok) => !ok).length;
console.log(`\npack-check: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
