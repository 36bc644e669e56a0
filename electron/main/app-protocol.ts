import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';

/** The renderer's own origin: served by the main process from the packaged files, never from `file://`. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://station`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready: `app://` is a standard, secure scheme (same-origin rules, modules, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The file under `root` a request names, or null for anything outside it, undecodable, or for another host. */
export function rendererFileFor(root: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'station' || path.includes('\0')) return null;
  const base = resolve(root);
  const file = normalize(join(base, path === '/' ? 'index.html' : path));
  return file.startsWith(base + sep) ? file : null;
}

/** Serves the built renderer folder on `app://station/` in the window's session. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).href);
  });
}
