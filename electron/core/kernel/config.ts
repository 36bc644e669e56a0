import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StationRole } from '../../../shared/contract/station';
import { insecureUrlProblem } from './transport';

export const ServerLink = z.object({
  url: z.string().url('server.url must be a URL such as https://warebench-server:8787'),
  /** The station's credential from enrollment; in Electron it is kept with safeStorage, not in this file. */
  credential: z.string().min(16).optional(),
  stationId: z.string().optional(),
});

/** The station config file (`station.json` in the data folder), validated before anything starts. */
export const StationConfig = z
  .object({
    stationName: z.string().min(1).max(64).default('Bench 1'),
    stationRole: StationRole.default('both'),
    /** Embedded demo server and demo data (the default), or a real central server. */
    server: z.union([z.literal('embedded'), ServerLink, z.null()]).default('embedded'),
    /** Device mapping, validated by the device layer. */
    devices: z.array(z.unknown()).default([]),
    /** Training mode: simulated devices, nothing a real printer prints. */
    training: z.boolean().default(true),
    wedgeSeparator: z.string().max(1).nullable().default(null),
    /**
     * Longest gap in milliseconds between two keys of one keyboard-wedge scan; slower keys are a person typing.
     * Raise it for a scanner behind a slow USB hub or remote desktop.
     */
    wedgeBurstKeyMs: z.number().int().min(5).max(200).default(40),
    locale: z.string().min(2).max(16).default('en'),
    kiosk: z.boolean().default(false),
    /** A version to stay on: auto-update does not move past it. */
    pinnedVersion: z.string().nullable().default(null),
    /** The site's update feed (generic electron-updater feed); null = no automatic updates. */
    updateUrl: z
      .string()
      .url('updateUrl must be a URL such as https://it.example.com/warebench/')
      .refine((url) => insecureUrlProblem(url, 'updateUrl', 'never') === null, {
        error: (issue) => insecureUrlProblem(String(issue.input), 'updateUrl', 'never') ?? 'updateUrl must use https://',
      })
      .nullable()
      .default(null),
    /**
     * Lets the station reach a central server on another machine over plain http:// (a test site without TLS). Off:
     * only https://, or http:// to this machine. The Diagnostics screen shows it in red while it is on.
     */
    allowInsecureServer: z.boolean().default(false),
    /** The hands-free pack loop at this bench: true or false overrides the site's setting; null follows the site. */
    handsFreePacking: z.boolean().nullable().default(null),
  })
  .strict();
export type StationConfig = z.infer<typeof StationConfig>;

export class ConfigError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates a station config file; an absent file means the embedded defaults. */
export function loadStationConfig(path: string): StationConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return StationConfig.parse({});
    throw new ConfigError(path, `Cannot read the station config ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, `The station config ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = StationConfig.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new ConfigError(path, `The station config ${path} has problems:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** What is wrong with where the config sends the station's traffic: the central server over plain http:// to another machine. */
export function transportProblems(config: StationConfig): string[] {
  if (config.server === null || config.server === 'embedded') return [];
  const problem = insecureUrlProblem(config.server.url, 'server.url', config.allowInsecureServer);
  return problem ? [problem] : [];
}
