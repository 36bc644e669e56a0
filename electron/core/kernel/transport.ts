import { isIP } from 'node:net';

/** Whether `hostname` (as `URL.hostname` gives it) names this machine: `localhost`, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * Why `url` may not carry the station's traffic, or null when it may: `https://` always, plain `http://` only to this
 * machine or, for the central server, where the site set `allowInsecureServer` (shown in red on the Diagnostics screen).
 * `allowInsecure: 'never'` is for update feeds: what they deliver runs as the station.
 */
export function insecureUrlProblem(url: string, what: string, allowInsecure: boolean | 'never'): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${what} "${url.slice(0, 200)}" is not a URL.`;
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol !== 'http:') return `${what} ${parsed.origin} must start with https://.`;
  if (isLoopbackHost(parsed.hostname) || allowInsecure === true) return null;
  const insecureSetting = allowInsecure === 'never' ? '' : ', or set "allowInsecureServer": true in station.json';
  return `${what} ${parsed.origin} uses plain http:// to another machine: use https://${insecureSetting}.`;
}
