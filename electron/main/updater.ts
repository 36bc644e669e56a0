import electronUpdater from 'electron-updater';
import { insecureUrlProblem } from '../core/kernel/transport';
import { type BusyAnswer, createInstallGate, downloadDecision } from './update-policy';

export interface UpdateSettings {
  /** The site's generic feed (station config `updateUrl` or WAREBENCH_UPDATE_URL); null = the feed baked in at build time, if any. */
  feedUrl: string | null;
  pinnedVersion: string | null;
}

export interface AutoUpdateOptions {
  currentVersion: string;
  /** Read before every check, so a pin set in setup takes effect without a restart. */
  settings(): UpdateSettings;
  /** Asks the core whether a receipt or carton is open; null when it cannot answer. */
  isBusy(): Promise<BusyAnswer | null>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  checkEveryMs?: number;
  busyPollMs?: number;
}

/**
 * Staged updates from the site's feed: check and download in the background, install only once the station has
 * been idle (no open receipt or carton) on consecutive checks, and never past a pinned version.
 */
export function startAutoUpdates(options: AutoUpdateOptions): { stop(): void } {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = {
    info: (m: unknown) => options.log('info', `updater: ${String(m)}`),
    warn: (m: unknown) => options.log('warn', `updater: ${String(m)}`),
    error: (m: unknown) => options.log('error', `updater: ${String(m)}`),
    debug: () => undefined,
  };

  let downloaded: string | null = null;
  let busyTimer: NodeJS.Timeout | null = null;
  let checking = false;

  const allowed = (version: string) =>
    downloadDecision({ current: options.currentVersion, offered: version, pinned: options.settings().pinnedVersion });

  const waitForIdle = () => {
    if (busyTimer) return;
    const gate = createInstallGate({ idleChecks: 2 });
    busyTimer = setInterval(async () => {
      if (!downloaded) return;
      const stillAllowed = allowed(downloaded);
      if (!stillAllowed.download) {
        options.log('info', `update ${downloaded} held: ${stillAllowed.reason}`);
        autoUpdater.autoInstallOnAppQuit = false;
        return;
      }
      const verdict = gate.observe(await options.isBusy().catch(() => null));
      if (verdict.install) {
        options.log('info', `installing ${downloaded}: the station is idle`);
        autoUpdater.quitAndInstall(true, true);
      }
    }, options.busyPollMs ?? 60_000);
  };

  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const { feedUrl } = options.settings();
      if (feedUrl) {
        // What the feed delivers runs as the station: never fetched over plain http:// from another machine.
        const insecure = insecureUrlProblem(feedUrl, 'The update feed', 'never');
        if (insecure) {
          options.log('warn', `no update check: ${insecure}`);
          return;
        }
        autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
      }
      const result = await autoUpdater.checkForUpdates();
      if (!result) return;
      const offered = result.updateInfo.version;
      const decision = allowed(offered);
      if (!decision.download) {
        options.log('info', `no update: ${decision.reason}`);
        return;
      }
      if (downloaded !== offered) {
        options.log('info', `downloading ${offered} in the background`);
        await autoUpdater.downloadUpdate();
        downloaded = offered;
        // Quitting at the end of a shift installs it too; the station is not in use then.
        autoUpdater.autoInstallOnAppQuit = true;
      }
      waitForIdle();
    } catch (error) {
      options.log('warn', `update check failed: ${(error as Error).message}`);
    } finally {
      checking = false;
    }
  };

  const first = setTimeout(() => void check(), 30_000);
  const every = setInterval(() => void check(), options.checkEveryMs ?? 4 * 60 * 60 * 1000);
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
      if (busyTimer) clearInterval(busyTimer);
    },
  };
}
