import { app, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_ORIGIN } from './app-protocol';

/**
 * The renderer's Content-Security-Policy: only the app's own scripts, no eval, no plugins, no framing.
 * The Electron renderer talks to the core over IPC only; the dev server additionally needs its HMR WebSocket.
 */
export function contentSecurityPolicy(devServerUrl: string | null): string {
  const connect = devServerUrl ? `'self' ${new URL(devServerUrl).origin.replace(/^http/, 'ws')}` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
  ].join('; ');
}

/** webPreferences of every station window: isolated, sandboxed, no Node, no webviews. */
export function stationWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Whether a URL is the station's own renderer: `app://station/` (the packaged files), or the dev server while developing. */
export function ownContentMatcher(rendererFile: string, devServerUrl: string | null): (url: string) => boolean {
  const fileUrl = new URL(`file://${rendererFile.replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:')}`).href;
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (devOrigin && parsed.origin === devOrigin) return true;
    if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
    return parsed.protocol === 'file:' && `${parsed.origin === 'null' ? 'file://' : parsed.origin}${parsed.pathname}` === fileUrl;
  };
}

/** CSP on every response, every permission refused, no downloads: the session a station window runs in. */
export function hardenSession(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp], 'X-Content-Type-Options': ['nosniff'] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** No window.open, no navigation away from the app, no webviews: for every web contents the app ever creates. */
export function guardWebContents(isOwnContent: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isOwnContent(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnContent(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isOwnContent(event.url)) event.preventDefault();
    });
  });
}
