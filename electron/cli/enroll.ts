import { StationRole } from '../../shared/sync-protocol';
import { loadStationConfig, type StationConfig } from '../core/kernel/config';
import { defaultDataDir, stationPaths } from '../core/kernel/paths';
import { insecureUrlProblem } from '../core/kernel/transport';
import { writeStationConfig } from '../core/setup/config-file';
import { EnrollError, enroll as enrollStation } from '../core/sync/enroll';
import { parseCommandArgs } from './args';
import { type CliIo, EXIT, type Subcommand } from './io';

const USAGE =
  'usage: warebench enroll --server URL --code CODE [--name NAME] [--role receiving|packing|both] [--data-dir DIR] [--print-credential] [--json]';

/**
 * `warebench enroll`: trades a one-time enrollment code for this station's credential and stores it with
 * the server URL in station.json of the data folder (owner-readable only). `--print-credential` prints
 * it instead, for a caller that keeps it elsewhere.
 */
export const enroll: Subcommand = async (argv: string[], io: CliIo) => {
  const parsed = parseCommandArgs(
    'warebench enroll',
    {
      args: argv,
      options: {
        server: { type: 'string' },
        code: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'data-dir': { type: 'string' },
        'print-credential': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    io,
  );
  if (!parsed) return EXIT.invalid;
  const { values } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (!values.server || !values.code) {
    io.err('warebench enroll: --server and --code are required');
    io.err(USAGE);
    return EXIT.invalid;
  }
  let serverUrl: string;
  try {
    serverUrl = new URL(values.server).toString().replace(/\/+$/, '');
  } catch {
    io.err(`warebench enroll: --server "${values.server}" is not a URL (e.g. https://warebench-server:8787)`);
    return EXIT.invalid;
  }
  const paths = stationPaths(values['data-dir'] ?? defaultDataDir());
  let config: StationConfig;
  try {
    config = loadStationConfig(paths.config);
  } catch (error) {
    io.err(`warebench enroll: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.invalid;
  }
  const insecure = insecureUrlProblem(serverUrl, '--server', config.allowInsecureServer);
  if (insecure) {
    io.err(`warebench enroll: ${insecure}`);
    return EXIT.invalid;
  }
  const role = StationRole.safeParse(values.role ?? config.stationRole);
  if (!role.success) {
    io.err(`warebench enroll: --role must be one of ${StationRole.options.join(', ')}`);
    return EXIT.invalid;
  }
  const stationName = values.name ?? config.stationName;

  let result: Awaited<ReturnType<typeof enrollStation>>;
  try {
    result = await enrollStation(serverUrl, values.code, stationName, role.data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`warebench enroll: ${message}`);
    return error instanceof EnrollError && error.code !== 'unreachable' ? EXIT.invalid : EXIT.failure;
  }

  if (!values['print-credential']) {
    writeStationConfig(paths.config, {
      ...config,
      stationName,
      stationRole: role.data,
      server: { url: serverUrl, credential: result.credential, stationId: result.stationId },
    });
  }
  if (values.json) {
    io.out(
      JSON.stringify({
        stationId: result.stationId,
        siteId: result.siteId,
        ...(values['print-credential'] ? { credential: result.credential } : { config: paths.config }),
      }),
    );
  } else {
    io.out(`enrolled "${stationName}" as station ${result.stationId} of site ${result.siteId}`);
    io.out(values['print-credential'] ? `credential: ${result.credential}` : `server and credential saved in ${paths.config}`);
  }
  return EXIT.ok;
};
