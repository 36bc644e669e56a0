import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { args, callsNamed, isNode, literal, type Node, nodes, objectProperties, parse, strings, walk } from '../support/ast';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const require = createRequire(import.meta.url);

/** What every station window's webPreferences must say, and nothing may weaken. */
const required: Record<string, unknown> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
};
const forbiddenKeys = ['enableRemoteModule', 'enableBlinkFeatures', 'additionalArguments'];

/** The object literals that set webPreferences (those with a contextIsolation key), as key -> literal value. */
function webPreferenceObjects(program: Node): Map<string, unknown>[] {
  return nodes(program, 'ObjectExpression')
    .map(({ node }) => objectProperties(node))
    .filter((props) => props.has('contextIsolation') || props.has('nodeIntegration') || props.has('sandbox'))
    .map((props) => new Map([...props].map(([k, v]) => [k, literal(v)])));
}

function expectLockedDown(prefs: Map<string, unknown>[], where: string) {
  expect(prefs.length, `${where}: no webPreferences object found`).toBeGreaterThan(0);
  for (const p of prefs) {
    for (const [key, value] of Object.entries(required)) expect(p.get(key), `${where}: webPreferences.${key}`).toBe(value);
    for (const key of forbiddenKeys) expect(p.has(key), `${where}: webPreferences.${key} must not be set`).toBe(false);
  }
}

/** `x.on('<event>', handler)` calls in a program. */
const onCalls = (program: Node, event: string) => callsNamed(program, 'on').filter(({ node }) => literal(args(node)[0]) === event);

/** A function's body returns (or is) an object literal `{ action: 'deny' }`. */
function returnsDeny(fn: Node | undefined): boolean {
  if (!fn) return false;
  for (const { node } of walk(fn)) {
    if (node.type === 'ObjectExpression' && literal(objectProperties(node).get('action')) === 'deny') {
      // and no other action anywhere in the handler
      return !nodes(fn, 'ObjectExpression').some(({ node: o }) => {
        const action = literal(objectProperties(o).get('action'));
        return action !== undefined && action !== 'deny';
      });
    }
  }
  return false;
}

/** Parses a CSP into directive -> sources. */
function csp(text: string): Map<string, string[]> {
  return new Map(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

function expectStrictCsp(policy: Map<string, string[]>, where: string) {
  expect(policy.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
  expect(policy.get('script-src'), `${where}: script-src`).toEqual(["'self'"]);
  expect(policy.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
  expect(policy.get('base-uri'), `${where}: base-uri`).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    expect(sources, `${where}: ${name}`).not.toContain("'unsafe-eval'");
    if (name !== 'style-src') expect(sources, `${where}: ${name}`).not.toContain("'unsafe-inline'");
    expect(sources, `${where}: ${name}`).not.toContain('*');
  }
}

describe('Electron security of the source', () => {
  it('the station window gets its webPreferences from the locked-down builder, not an inline object', () => {
    expectLockedDown(webPreferenceObjects(parse(read('electron/main/security.ts'), 'ts')), 'electron/main/security.ts');
    const windowSource = parse(read('electron/main/window.ts'), 'ts');
    const windows = nodes(windowSource, 'NewExpression').filter(({ node }) => isNode(node.callee) && node.callee.name === 'BrowserWindow');
    expect(windows).toHaveLength(1);
    const options = args(windows[0]?.node as Node)[0] as Node;
    const prefs = objectProperties(options).get('webPreferences');
    expect(prefs?.type).toBe('CallExpression');
    expect(isNode(prefs?.callee) && prefs?.callee.name).toBe('stationWebPreferences');
  });

  it('no file in electron/main creates a window or web contents elsewhere, or loads remote content', () => {
    for (const file of ['index.ts', 'core-link.ts', 'ipc-relay.ts', 'updater.ts', 'credential-vault.ts', 'autostart.ts', 'security.ts']) {
      const program = parse(read(`electron/main/${file}`), 'ts');
      const created = nodes(program, 'NewExpression').filter(
        ({ node }) => isNode(node.callee) && ['BrowserWindow', 'BrowserView', 'WebContentsView'].includes(String(node.callee.name)),
      );
      expect(created, file).toHaveLength(0);
      expect(
        strings(program).some((s) => /^https?:\/\//.test(s) && s.includes('.')),
        `${file} names a remote URL`,
      ).toBe(false);
    }
  });
});

describe('Electron security of the built app', () => {
  let main: Node;
  let preload: Node;
  beforeAll(() => {
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run \`npx electron-vite build\` first`);
    }
    main = parse(read('out/main/index.js'), 'js');
    preload = parse(read('out/preload/index.cjs'), 'js');
  });

  it('out/main/index.js: windows are isolated, sandboxed and without Node', () => {
    expectLockedDown(webPreferenceObjects(main), 'out/main/index.js');
  });

  it('out/main/index.js: window.open is denied for every web contents', () => {
    const handlers = callsNamed(main, 'setWindowOpenHandler');
    expect(handlers.length).toBeGreaterThan(0);
    for (const { node } of handlers) expect(returnsDeny(args(node)[0])).toBe(true);
    // Installed from app 'web-contents-created', so it covers windows the app did not create itself.
    const created = onCalls(main, 'web-contents-created');
    expect(created).toHaveLength(1);
    const hook = args(created[0]?.node as Node)[1] as Node;
    expect(callsNamed(hook, 'setWindowOpenHandler')).toHaveLength(1);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) expect(onCalls(hook, event), event).toHaveLength(1);
    const attach = args(onCalls(hook, 'will-attach-webview')[0]?.node as Node)[1] as Node;
    expect(callsNamed(attach, 'preventDefault')).toHaveLength(1);
  });

  it('out/main/index.js: permission requests and checks are refused', () => {
    const request = callsNamed(main, 'setPermissionRequestHandler');
    expect(request).toHaveLength(1);
    const handler = args(request[0]?.node as Node)[0] as Node;
    const answers = nodes(handler, 'CallExpression').map(({ node }) => args(node).map(literal));
    expect(answers).toEqual([[false]]);
    for (const name of ['setPermissionCheckHandler', 'setDevicePermissionHandler']) {
      const calls = callsNamed(main, name);
      expect(calls, name).toHaveLength(1);
      const fn = args(calls[0]?.node as Node)[0] as Node;
      expect(literal(fn.body), `${name} answers false`).toBe(false);
    }
  });

  it('out/main/index.js: a CSP header is set on every response, and the policy is strict', () => {
    const headers = callsNamed(main, 'onHeadersReceived');
    expect(headers).toHaveLength(1);
    const keys = nodes(args(headers[0]?.node as Node)[0] as Node, 'Property').map(({ node }) =>
      isNode(node.key) ? (node.key.value ?? node.key.name) : null,
    );
    expect(keys).toContain('Content-Security-Policy');
    const policy = strings(main).filter((s) => s.startsWith("default-src 'self'") || s === "script-src 'self'");
    expect(policy.length).toBeGreaterThan(0);
    const directives = strings(main).filter((s) => /^[a-z-]+-src |^(base-uri|object-src|frame-ancestors|form-action) /.test(s));
    expectStrictCsp(csp(directives.join('; ')), 'out/main/index.js');
    expect(directives).toEqual(expect.arrayContaining(["frame-ancestors 'none'", "object-src 'none'"]));
  });

  it('out/main/index.js: IPC answers only the station window and checks its sender', () => {
    // `protocol.handle` serves the renderer's app:// files; every other `handle` is an IPC channel.
    const onProtocol = (node: Node) =>
      isNode(node.callee) &&
      isNode(node.callee.object) &&
      isNode(node.callee.object.property) &&
      node.callee.object.property.name === 'protocol';
    const handles = callsNamed(main, 'handle').filter(({ node }) => !onProtocol(node));
    expect(handles.map(({ node }) => literal(args(node)[0]))).toEqual(['station:invoke']);
    expect(callsNamed(main, 'handle').filter(({ node }) => onProtocol(node))).toHaveLength(1);
    const text = read('out/main/index.js');
    expect(callsNamed(main, 'on').filter(({ node }) => /^station:/.test(String(literal(args(node)[0]))))).toHaveLength(0);
    // The trust check compares the sender with the window's webContents, the frame with the top frame, and the URL with the app's own.
    for (const needle of ['senderFrame', 'sender === window.webContents', 'frame.parent === null', 'isOwnContent(frame.url)'])
      expect(text).toContain(needle);
  });

  it('out/main/index.js: the renderer loads from app://station, never from file:// (the fuse for file:// privileges is off)', () => {
    const text = read('out/main/index.js');
    expect(text).not.toMatch(/\.loadFile\(/);
    expect(strings(main)).toEqual(expect.arrayContaining(['app']));
    expect(text).toContain('registerSchemesAsPrivileged');
  });

  it('out/main/index.js: no remote module, and the dev server URL is honoured only when not packaged', () => {
    expect(strings(main).some((s) => s.includes('@electron/remote'))).toBe(false);
    for (const { node, ancestors } of walk(main)) {
      if (node.type === 'MemberExpression' && isNode(node.property) && node.property.name === 'ELECTRON_RENDERER_URL') {
        const readsIsPackaged = (n: unknown) =>
          isNode(n) &&
          [...walk(n)].some(({ node: m }) => m.type === 'MemberExpression' && isNode(m.property) && m.property.name === 'isPackaged');
        const guarded = ancestors.some(
          (a) =>
            (a.type === 'LogicalExpression' && readsIsPackaged(a.left)) ||
            ((a.type === 'ConditionalExpression' || a.type === 'IfStatement') && readsIsPackaged(a.test)),
        );
        expect(guarded, 'ELECTRON_RENDERER_URL read outside an isPackaged guard').toBe(true);
      }
    }
  });

  it('out/preload/index.cjs: exposes exactly invoke and subscribe, over the two station channels only', () => {
    const exposed = callsNamed(preload, 'exposeInMainWorld');
    expect(exposed).toHaveLength(1);
    const [name, api] = args(exposed[0]?.node as Node);
    expect(literal(name)).toBe('station');
    expect([...objectProperties(api as Node).keys()].sort()).toEqual(['invoke', 'subscribe']);
    const channels = ['invoke', 'on', 'removeListener', 'send', 'sendSync', 'once', 'postMessage'].flatMap((m) =>
      callsNamed(preload, m).map(({ node }) => literal(args(node)[0])),
    );
    expect([...new Set(channels)].sort()).toEqual(['station:event', 'station:invoke']);
    // ipcRenderer itself is never handed to the page.
    for (const value of objectProperties(api as Node).values()) expect(value.type).toMatch(/FunctionExpression$/);
    expect(read('out/preload/index.cjs')).not.toMatch(/\bimport\s|\bexport\s/);
  });

  it('renderer/index.html and its build carry a strict CSP meta tag', () => {
    for (const file of ['renderer/index.html', 'out/renderer/index.html']) {
      const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(read(file));
      expect(match, `${file} has no CSP meta tag`).not.toBeNull();
      expectStrictCsp(csp(match?.[1] ?? ''), file);
      expect(read(file)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    }
  });
});

describe('electron-builder.yml', () => {
  type Config = Record<string, unknown> & {
    electronFuses?: Record<string, unknown>;
    asarUnpack?: string[];
    files?: (string | { filter?: string[] })[];
    nsis?: Record<string, unknown>;
    mac?: Record<string, unknown>;
    publish?: Record<string, unknown>;
  };
  /** electron-builder normalizes `files` into pattern sets; the flat list of patterns. */
  const filePatterns = () => (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
  let config: Config;
  beforeAll(async () => {
    // biome-ignore lint/correctness/noUndeclaredDependencies: electron-builder's own config reader, installed with it
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, path: string, extra: null): Promise<Config>;
      validateConfiguration(config: Config, logger: unknown): Promise<void>;
    };
    // biome-ignore lint/correctness/noUndeclaredDependencies: installed with electron-builder
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('sets every security fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar with the native addons unpacked, and only the built app', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        '**/*.node',
        'node_modules/better-sqlite3/**',
        'node_modules/@serialport/bindings-cpp/**',
        'node_modules/node-hid/**',
      ]),
    );
    expect(filePatterns()).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    const included = filePatterns().filter((f) => !f.startsWith('!'));
    expect(
      included.every((f) => f.startsWith('out/') || f === 'package.json'),
      included.join(', '),
    ).toBe(true);
  });

  it('identifies the app, installs per machine, signs and notarizes from the environment, updates from a generic feed', () => {
    expect(config.appId).toBe('com.warebench.station');
    expect(config.productName).toBe('Warebench');
    expect(config.nsis).toMatchObject({ perMachine: true, allowElevation: true, oneClick: false });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own placeholder, expanded at build time
    expect(config.publish).toMatchObject({ provider: 'generic', url: '${env.WAREBENCH_UPDATE_FEED_URL}' });
    expect(JSON.stringify(config)).not.toMatch(/password|BEGIN (RSA )?PRIVATE KEY/i);
  });
});
