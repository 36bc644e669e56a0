import { z } from 'zod';
import { DeviceStatus } from '../domain/devices';
import { Language } from '../domain/language';
import { SyncState } from '../domain/sync-state';
import { defineCommands } from './define';
import { StationRole } from './station';

/** Languages the station's UI speaks. */
export const StationLocale = Language;
export type StationLocale = Language;

const httpUrl = z
  .string()
  .trim()
  .url('the server address must be a URL such as https://warebench-server:8787')
  .refine((u) => /^https?:\/\//i.test(u), 'the server address must start with http:// or https://');

export const SetupServer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }).strict(),
  z
    .object({
      kind: z.literal('central'),
      url: httpUrl,
      /** One-time code from the server (XXXX-XXXX-XXXX); left out when the station is already enrolled with this server. */
      enrollmentCode: z.string().trim().min(4, 'the enrollment code is 12 letters and digits like ABCD-EFGH-JKMN').max(64).optional(),
    })
    .strict(),
]);
export type SetupServer = z.infer<typeof SetupServer>;

const devicePath = z.string().trim().min(1, 'enter the port, e.g. /dev/ttyUSB0 or COM3').max(256);

export const SetupScanner = z.discriminatedUnion('kind', [
  /** A keyboard-wedge scanner types into the window: nothing to configure. */
  z.object({ kind: z.literal('wedge') }).strict(),
  z.object({ kind: z.literal('serial'), path: devicePath }).strict(),
]);

export const SetupScale = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('serial'), path: devicePath, protocol: z.enum(['mt-sics', 'nci', 'toledo']) }).strict(),
]);

export const SetupPrinter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.literal('tcp'),
      host: z
        .string()
        .trim()
        .min(1, "enter the printer's host name or IP address")
        .max(253)
        .regex(/^[A-Za-z0-9.:\-[\]]+$/, 'a host name or IP address, e.g. 10.0.0.50'),
      port: z.number().int().min(1).max(65_535).default(9100),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cups'),
      queue: z
        .string()
        .trim()
        .min(1, 'enter the CUPS queue name')
        .max(127)
        .regex(/^[A-Za-z0-9_.-]+$/, 'a CUPS queue name has letters, digits, _ . and -'),
    })
    .strict(),
]);

export const SetupDevices = z
  .object({
    scanner: SetupScanner.default({ kind: 'wedge' }),
    scale: SetupScale.default({ kind: 'none' }),
    printer: SetupPrinter.default({ kind: 'none' }),
  })
  .strict();
export type SetupDevices = z.infer<typeof SetupDevices>;

/** Everything the first-run wizard asks site IT. */
export const SetupForm = z
  .object({
    stationName: z.string().trim().min(1, 'give the station a name, e.g. "Dock 3"').max(64),
    stationRole: StationRole,
    locale: StationLocale,
    server: SetupServer,
    devices: SetupDevices,
    training: z.boolean().default(false),
    kiosk: z.boolean().default(false),
    /** A version the station stays on: auto-update never moves past it. */
    pinnedVersion: z
      .string()
      .trim()
      .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'a version like 1.4.2')
      .nullable()
      .default(null),
  })
  .strict();
export type SetupForm = z.infer<typeof SetupForm>;
export type SetupFormInput = z.input<typeof SetupForm>;

export const SetupState = z.object({
  /** The first-run wizard must run before anything else: the station has no config yet. */
  needed: z.boolean(),
  configPath: z.string(),
  /** What the wizard starts from: the current config (the enrollment code is never sent back). */
  current: SetupForm,
  /** The station holds a credential for its central server. */
  enrolled: z.boolean(),
  /** Settings fixed by the command line or environment; saving does not change what the station uses for them. */
  overridden: z.array(z.string()),
});
export type SetupState = z.infer<typeof SetupState>;

export const BusyState = z.object({ busy: z.boolean(), reason: z.string().nullable() });
export type BusyState = z.infer<typeof BusyState>;

export const LogEntry = z.object({
  at: z.string(),
  level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
  message: z.string(),
  detail: z.string().nullable(),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const DiagnosticsInfo = z.object({
  versions: z.object({
    app: z.string(),
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    sqlite: z.string(),
    platform: z.string(),
    arch: z.string(),
  }),
  station: z.object({
    stationId: z.string(),
    stationName: z.string(),
    stationRole: StationRole,
    locale: z.string(),
    training: z.boolean(),
    dataDir: z.string(),
    logDir: z.string().nullable(),
    server: z.string(),
    /** `allowInsecureServer` is on: plain http:// to a remote server is allowed (shown in red). */
    insecureServer: z.boolean(),
    pinnedVersion: z.string().nullable(),
    updateUrl: z.string().nullable(),
  }),
  database: z.object({ path: z.string(), sizeBytes: z.number().int().nonnegative(), schemaVersion: z.number().int() }),
  devices: z.array(DeviceStatus),
  sync: SyncState,
  busy: BusyState,
  /** Newest first: warnings and errors from the station's log. */
  lastErrors: z.array(LogEntry),
});
export type DiagnosticsInfo = z.infer<typeof DiagnosticsInfo>;

const Empty = z.object({}).strict();

export const setupCommands = defineCommands({
  'setup.state': {
    summary: 'the station config as the setup wizard shows it, and whether first-run setup is due',
    access: 'public',
    input: Empty,
    output: SetupState,
  },
  'setup.save': {
    summary: 'write the station config (and enroll with the central server); the station restarts with it',
    // Open on first run (nobody can sign in before the station is set up); an admin or supervisor afterwards.
    access: 'public',
    input: SetupForm,
    output: z.object({ path: z.string(), enrolled: z.boolean(), restarting: z.boolean() }),
  },
  'station.busy': {
    summary: 'whether work is open at the station (a receipt or carton): updates wait until it is not',
    access: 'public',
    input: Empty,
    output: BusyState,
  },
  'diagnostics.info': {
    summary: 'versions, devices, sync queue and the latest errors from the log',
    access: 'signed-in',
    input: Empty,
    output: DiagnosticsInfo,
  },
  'diagnostics.bundle': {
    summary: 'write a support bundle (logs, config without secrets, database check, versions) as a zip in the data folder',
    access: 'signed-in',
    input: Empty,
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative(), files: z.array(z.string()) }),
  },
});
