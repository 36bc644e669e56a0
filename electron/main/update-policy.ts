/**
 * When the station may take an update: pure rules, no Electron. The updater asks them before it downloads
 * and before it installs.
 */

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

export function parseVersion(text: string): Version | null {
  const m = VERSION.exec(text.trim());
  if (!m) return null;
  const prerelease = m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease };
}

/** Semantic-version precedence: negative when a < b, 0 when equal, positive when a > b (build metadata ignored). */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a version: "${x ? b : a}"`);
  for (const k of ['major', 'minor', 'patch'] as const) if (x[k] !== y[k]) return x[k] - y[k];
  // A release ranks above its pre-releases.
  if (!x.prerelease.length || !y.prerelease.length) return y.prerelease.length - x.prerelease.length;
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

export type DownloadDecision = { download: true } | { download: false; reason: string };

/** Whether to fetch an offered version: only forward, and never past the version the site pinned. */
export function downloadDecision(input: { current: string; offered: string; pinned: string | null }): DownloadDecision {
  if (!parseVersion(input.offered)) return { download: false, reason: `the feed offers "${input.offered}", which is not a version` };
  if (compareVersions(input.offered, input.current) <= 0) return { download: false, reason: `${input.current} is up to date` };
  if (input.pinned !== null) {
    if (!parseVersion(input.pinned))
      return { download: false, reason: `the pinned version "${input.pinned}" is not a version; updates are held` };
    if (compareVersions(input.offered, input.pinned) > 0)
      return { download: false, reason: `the station is pinned to ${input.pinned}; ${input.offered} waits` };
  }
  return { download: true };
}

export interface BusyAnswer {
  busy: boolean;
  reason: string | null;
}

/**
 * Decides when a downloaded update is installed: only after the station was seen idle on `idleChecks`
 * consecutive checks (so an operator who just opened a carton between two checks is not cut off),
 * and never while the core cannot say (an unanswered check counts as busy).
 */
export function createInstallGate(options: { idleChecks: number } = { idleChecks: 2 }) {
  if (!Number.isInteger(options.idleChecks) || options.idleChecks < 1) throw new Error('idleChecks must be a whole number of at least 1');
  let idleInARow = 0;
  return {
    observe(answer: BusyAnswer | null): { install: true } | { install: false; waitingFor: string } {
      if (!answer || answer.busy) {
        idleInARow = 0;
        return { install: false, waitingFor: answer?.reason ?? 'the station core to answer' };
      }
      idleInARow += 1;
      if (idleInARow >= options.idleChecks) return { install: true };
      return { install: false, waitingFor: 'the station to stay idle' };
    },
  };
}
