import { join } from 'node:path';
import { app, type BrowserWindow, dialog, session } from 'electron';
import { BusyState } from '../../shared/contract/setup';
import { loadStationConfig, type StationConfig } from '../core/kernel/config';
import { createStationLogger, MAIN_LOG } from '../core/kernel/log-file';
import { stationPaths } from '../core/kernel/paths';
import { type LaunchOptions, mergeStationConfig, parseLaunchOptions } from '../core/setup/launch-options';
import { DATA_FOLDER_LOCKED } from '../core/storage/data-lock';
import { APP_INDEX, registerAppScheme, serveRenderer } from './app-protocol';
import { applyAutostart } from './autostart';
import { createCoreLink } from './core-link';
import { createCredentialVault } from './credential-vault';
import { relayStationCalls, sendStationEvent } from './ipc-relay';
import { contentSecurityPolicy, guardWebContents, hardenSession, ownContentMatcher } from './security';
import { startAutoUpdates } from './updater';
import { createStationWindow } from './window';

/** The desktop shell: one station window, the core in a utility process, staged updates. Nothing here touches devices. */
function startDesktop(): void {
  // The dev server URL is honoured only in development: a packaged station never loads anything but its own files.
  const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
  const rendererDir = join(__dirname, '../renderer');
  const rendererFile = join(rendererDir, 'index.html');
  const preload = join(__dirname, '../preload/index.cjs');
  const isOwnContent = ownContentMatcher(rendererFile, devServerUrl);

  let launch: LaunchOptions;
  try {
    launch = parseLaunchOptions(process.argv.slice(1), process.env);
  } catch (error) {
    void app.whenReady().then(() => {
      dialog.showErrorBox('Warebench cannot start', (error as Error).message);
      app.exit(2);
    });
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // The renderer is served on app://station, so file:// needs no privileges (the fuse is off in the packaged app).
  registerAppScheme();

  const dataDir = launch.dataDir ?? app.getPath('userData');
  const logDir = launch.logDir ?? app.getPath('logs');
  const log = createStationLogger({ dir: logDir, fileName: MAIN_LOG, name: 'warebench-main' });
  const stationConfig = (): StationConfig | null => {
    try {
      return mergeStationConfig(loadStationConfig(stationPaths(dataDir).config), launch.overrides);
    } catch (error) {
      log.warn({ err: error }, 'station config unreadable');
      return null;
    }
  };
  const vault = createCredentialVault(join(dataDir, 'credential.bin'), (message) => log.warn(message));
  let window: BrowserWindow | null = null;

  const core = createCoreLink({
    modulePath: join(__dirname, 'core.js'),
    init: () => {
      const keychain = vault.available();
      if (!keychain) log.warn('the OS offers no secret store: the station credential stays in station.json, readable by this user only');
      return {
        type: 'init',
        dataDir,
        logDir,
        version: app.getVersion(),
        firstRunSetup: launch.firstRunSetup ?? true,
        overrides: launch.overrides,
        credentialStore: keychain ? 'keychain' : 'config-file',
        credential: keychain ? vault.read() : null,
      };
    },
    onEvent: (event, payload) => sendStationEvent(window, event, payload),
    onFailed: (message) => {
      log.error({ reason: message }, 'station core failed to start');
      // Another station process owns the data folder: this window could only show a dead station, so say why and go.
      if (message.startsWith(DATA_FOLDER_LOCKED)) {
        dialog.showErrorBox('Warebench cannot start', message);
        app.exit(1);
        return;
      }
      sendStationEvent(window, 'alert', { level: 'stop', message });
    },
    onCredential: (credential) => vault.write(credential),
    log: (message) => log.warn(message),
    // The restarted core has no session: the window shows the sign-in screen (as a reconnecting browser window does).
    onRestart: () => sendStationEvent(window, 'session.changed', { operator: null }),
  });

  guardWebContents(isOwnContent);
  relayStationCalls({ window: () => window, isOwnContent, invoke: (command, input) => core.invoke(command, input) });
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  let updates: { stop(): void } | null = null;
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, contentSecurityPolicy(devServerUrl));
    serveRenderer(session.defaultSession, rendererDir);
    core.start();
    const kiosk = stationConfig()?.kiosk ?? false;
    if (app.isPackaged) applyAutostart(kiosk);
    window = createStationWindow({
      preload,
      kiosk,
      load: (w) => w.loadURL(devServerUrl ?? APP_INDEX),
    });
    window.on('closed', () => {
      window = null;
    });
    if (app.isPackaged) {
      updates = startAutoUpdates({
        currentVersion: app.getVersion(),
        settings: () => {
          const config = stationConfig();
          return { feedUrl: config?.updateUrl ?? null, pinnedVersion: config?.pinnedVersion ?? null };
        },
        isBusy: async () => {
          const result = await core.invoke('station.busy', {});
          const busy = result.ok ? BusyState.safeParse(result.value) : null;
          return busy?.success ? busy.data : null;
        },
        log: (level, message) => log[level](message),
      });
    }
  });

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    updates?.stop();
    void core.stop().finally(() => {
      log.file.close();
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}

startDesktop();
