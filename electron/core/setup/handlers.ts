import { existsSync } from 'node:fs';
import type { setupCommands } from '../../../shared/contract/setup';
import type { Operator } from '../../../shared/domain/master-data';
import { isSupervisor } from '../../../shared/domain/roles';
import { message } from '../../../shared/messages';
import type { StationContext } from '../context';
import { DeviceConfigError, parseDevicesConfig } from '../devices';
import { msAt } from '../kernel/clock';
import { loadStationConfig, StationConfig } from '../kernel/config';
import { StationError } from '../kernel/errors';
import type { HandlersFor } from '../kernel/handlers';
import { stationPaths } from '../kernel/paths';
import { insecureUrlProblem } from '../kernel/transport';
import { writeStationConfig } from './config-file';
import { type CredentialStore, configFileCredentials } from './credentials';
import { collectDiagnostics, logFiles, stationVersions } from './diagnostics';
import { type Enroller, syncEnroller } from './enroll-link';
import { configToForm, formToConfig } from './form';
import { SUPPORT_BUNDLE_INTERVAL_MS, writeSupportBundle } from './support-bundle';

export interface SetupOptions {
  dataDir?: string;
  version?: string;
  /** Where the station's log is written (diagnostics read it, the support bundle packs it). */
  logDir?: string;
  /** Show the first-run wizard while no station.json exists. */
  firstRun?: boolean;
  /** Settings fixed by the command line or environment. */
  overridden?: string[];
  credentials?: CredentialStore;
  enroll?: Enroller;
  /** Called once a new config is written: the host restarts the station with it. */
  onSaved?: () => void;
}

type SetupCommand = keyof typeof setupCommands;

const mayChangeSetup = (operator: Operator | null) => (operator ? isSupervisor(operator) : false);

/** First-run setup, open-work check, diagnostics and the support bundle. */
export function setupHandlers(ctx: StationContext, options: SetupOptions): HandlersFor<SetupCommand> {
  const credentials = options.credentials ?? configFileCredentials();
  const enroll = options.enroll ?? syncEnroller;
  const version = options.version ?? '0.0.0';
  const dataDir = options.dataDir && options.dataDir !== ':memory:' ? options.dataDir : null;
  const configPath = dataDir ? stationPaths(dataDir).config : null;
  const logDir = options.logDir ?? null;

  const fileConfig = () => (configPath && existsSync(configPath) ? loadStationConfig(configPath) : StationConfig.parse({}));
  const setupNeeded = () => (options.firstRun ?? false) && configPath !== null && !existsSync(configPath);

  const linkOf = (server: StationConfig['server']) => (server && server !== 'embedded' ? server : null);
  let bundleWriting = false;
  let lastBundleAt: number | null = null;

  return {
    'setup.state': () => {
      const link = linkOf(ctx.config.server);
      return {
        needed: setupNeeded(),
        configPath: configPath ?? '',
        current: configToForm(fileConfig()),
        enrolled: Boolean(link?.credential),
        overridden: options.overridden ?? [],
      };
    },

    'setup.save': async (form, { operator }) => {
      if (!configPath) throw new StationError('rule', message('errors.noDataFolder'));
      if (!setupNeeded() && !mayChangeSetup(operator)) {
        throw new StationError('forbidden', message('setup.onlySupervisor'));
      }
      const base = fileConfig();
      let server: StationConfig['server'];
      let enrolled = false;
      if (form.server.kind === 'embedded') {
        server = 'embedded';
        if (credentials.kind === 'keychain' && credentials.get()) await credentials.set(null);
      } else {
        const { url, enrollmentCode } = form.server;
        // Refused before the enrollment code travels: a plain-http server would see it and, later, every op.
        const insecure = insecureUrlProblem(url, 'The server URL', base.allowInsecureServer);
        if (insecure) throw new StationError('invalid_input', message('setup.insecureUrl', { detail: insecure }));
        if (enrollmentCode) {
          const enrollment = await enroll({ serverUrl: url, code: enrollmentCode, stationName: form.stationName, role: form.stationRole });
          if (credentials.kind === 'keychain') {
            await credentials.set(enrollment.credential);
            server = { url, stationId: enrollment.stationId };
          } else {
            server = { url, credential: enrollment.credential, stationId: enrollment.stationId };
          }
        } else {
          const previous = linkOf(base.server);
          const same = previous && previous.url === url ? previous : null;
          const held = same?.credential ?? (same && credentials.kind === 'keychain' ? credentials.get() : null);
          if (!same || !held) throw new StationError('rule', message('setup.enrollmentCodeNeeded', { url }));
          server = same;
        }
        enrolled = true;
      }

      const next = formToConfig(form, base, server);
      try {
        parseDevicesConfig(next.devices);
      } catch (error) {
        if (error instanceof DeviceConfigError)
          throw new StationError('invalid_input', message('setup.devicesInvalid', { detail: error.issues.join('; ') }));
        throw error;
      }
      writeStationConfig(configPath, next);
      ctx.journal.append(
        'setup.saved',
        {
          stationName: next.stationName,
          stationRole: next.stationRole,
          locale: next.locale,
          training: next.training,
          server: server === 'embedded' ? 'embedded' : (linkOf(server)?.url ?? null),
        },
        operator?.id ?? null,
        ctx.clock.now().toISOString(),
      );
      ctx.log.info({ path: configPath, stationName: next.stationName }, 'station setup saved');
      options.onSaved?.();
      return { path: configPath, enrolled, restarting: options.onSaved !== undefined };
    },

    'station.busy': () => ctx.busy.check(),

    'diagnostics.info': () => collectDiagnostics(ctx, { version, dataDir: dataDir ?? ':memory:', logDir }),

    'diagnostics.bundle': async () => {
      if (!dataDir) throw new StationError('rule', message('errors.noDataFolder'));
      const now = msAt(ctx.clock);
      if (bundleWriting) throw new StationError('conflict', message('setup.bundleBusy'));
      if (lastBundleAt !== null && now - lastBundleAt < SUPPORT_BUNDLE_INTERVAL_MS) {
        const wait = Math.ceil((SUPPORT_BUNDLE_INTERVAL_MS - (now - lastBundleAt)) / 1000);
        throw new StationError('rule', message('setup.bundleWait', { seconds: wait }));
      }
      bundleWriting = true;
      lastBundleAt = now;
      try {
        return await writeBundle(dataDir);
      } finally {
        bundleWriting = false;
      }
    },
  };

  async function writeBundle(dataDir: string) {
    const info = collectDiagnostics(ctx, { version, dataDir, logDir });
    const bundle = await writeSupportBundle({
      integrity: ctx.database.integrityCheck(),
      dataDir,
      logFiles: logFiles(logDir),
      config: ctx.config,
      versions: stationVersions(ctx, version),
      diagnostics: {
        station: info.station,
        database: info.database,
        devices: info.devices,
        sync: info.sync,
        busy: info.busy,
        lastErrors: info.lastErrors,
      },
      stationId: ctx.stationId,
      now: ctx.clock.now(),
    });
    ctx.log.info({ path: bundle.path, bytes: bundle.bytes }, 'support bundle written');
    return bundle;
  }
}
