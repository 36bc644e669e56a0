import { BrowserWindow, Menu } from 'electron';
import { stationWebPreferences } from './security';

export interface StationWindowOptions {
  preload: string;
  kiosk: boolean;
  load(window: BrowserWindow): Promise<void>;
}

/** The station's one window; in kiosk mode full screen with no menu, so operators cannot leave the app. */
export function createStationWindow(options: StationWindowOptions): BrowserWindow {
  if (options.kiosk) Menu.setApplicationMenu(null);
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0f1720',
    autoHideMenuBar: true,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    title: 'Warebench',
    webPreferences: stationWebPreferences(options.preload),
  });
  if (options.kiosk) window.removeMenu();
  window.once('ready-to-show', () => window.show());
  // A crashed renderer comes back by itself; the station's state lives in the core.
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) void options.load(window);
  });
  void options.load(window);
  return window;
}
