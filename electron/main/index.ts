import { app, BrowserWindow, ipcMain, session, shell, utilityProcess, type UtilityProcess } from 'electron';
import { join } from 'node:path';
import type { Result } from '../../shared/rpc';
import { FromCore, type ToCore } from './core-protocol';

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(__dirname, '../renderer/index.html');

let core: UtilityProcess | null = null;
let nextId = 1;
const pending = new Map<number, (r: Result<unknown>) => void>();
let mainWindow: BrowserWindow | null = null;

function startCore(): void {
  core = utilityProcess.fork(join(__dirname, 'core.js'), [], {
    serviceName: 'warebench-core',
    env: { ...process.env, WAREBENCH_DATA_DIR: process.env.WAREBENCH_DATA_DIR ?? app.getPath('userData'), WAREBENCH_VERSION: app.getVersion() },
  });
  core.on('message', (raw: unknown) => {
    const message = FromCore.safeParse(raw);
    if (!message.success) return;
    const m = message.data;
    if (m.type === 'result') {
      pending.get(m.id)?.(m.result as Result<unknown>);
      pending.delete(m.id);
    } else if (m.type === 'event') mainWindow?.webContents.send('station:event', m.event, m.payload);
    else if (m.type === 'failed') mainWindow?.webContents.send('station:event', 'alert', { level: 'stop', message: m.message });
  });
  core.on('exit', () => {
    for (const [, done] of pending) done({ ok: false, error: { code: 'offline', message: 'The station core stopped; restarting it.' } });
    pending.clear();
    core = null;
    if (!app.isReady() || quitting) return;
    setTimeout(startCore, 1000);
  });
}

function isOwnContent(url: string): boolean {
  if (rendererUrl && url.startsWith(rendererUrl)) return true;
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html');
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.on('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  mainWindow.webContents.on('will-navigate', (event, url) => {
    if (!isOwnContent(url)) event.preventDefault();
  });
  if (rendererUrl) void mainWindow.loadURL(rendererUrl);
  else void mainWindow.loadFile(rendererFile);
}

let quitting = false;

ipcMain.handle('station:invoke', async (event, command: unknown, input: unknown): Promise<Result<unknown>> => {
  if (!mainWindow || event.sender !== mainWindow.webContents || !isOwnContent(event.senderFrame?.url ?? '')) {
    return { ok: false, error: { code: 'forbidden', message: 'Only the station window may call the core.' } };
  }
  if (typeof command !== 'string') return { ok: false, error: { code: 'bad_message', message: 'command must be a string' } };
  if (!core) return { ok: false, error: { code: 'offline', message: 'The station core is starting.' } };
  const id = nextId++;
  const message: ToCore = { type: 'invoke', id, command, input };
  return new Promise((resolve) => {
    pending.set(id, resolve);
    core?.postMessage(message);
  });
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  startCore();
  createWindow();
});

app.on('before-quit', () => {
  quitting = true;
  core?.postMessage({ type: 'shutdown' } satisfies ToCore);
});
app.on('window-all-closed', () => app.quit());
