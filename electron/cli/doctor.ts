import { readFile } from 'node:fs/promises';
import { getgroups, getuid } from 'node:process';
import { parseDevicesConfig } from '../core/devices/config';
import type { DoctorCheck } from '../core/devices/diagnostics/check';
import { checkConfiguredDevices } from '../core/devices/diagnostics/configured-devices';
import { checkHidLibrary } from '../core/devices/diagnostics/hid-library';
import { checkSerialAccess } from '../core/devices/diagnostics/serial-access';
import { checkUdevRules } from '../core/devices/diagnostics/udev-rules';
import { parseCommandArgs } from './args';
import { type CliIo, EXIT, type Subcommand } from './io';

const USAGE = 'usage: warebench doctor [--config FILE] [--json]';

async function configChecks(path: string): Promise<DoctorCheck[]> {
  const base = { id: 'config', title: `device config ${path}` };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return [
      { ...base, ok: false, detail: error instanceof Error ? error.message : String(error), fix: 'give the path of a JSON device config' },
    ];
  }
  try {
    const devices = parseDevicesConfig(raw);
    return [{ ...base, ok: true, detail: `${devices.length} device(s)` }, ...(await checkConfiguredDevices(devices))];
  } catch (error) {
    return [{ ...base, ok: false, detail: error instanceof Error ? error.message : String(error), fix: 'correct the fields named above' }];
  }
}

function printReadable(checks: DoctorCheck[], io: CliIo): void {
  for (const check of checks) {
    io.out(`${check.ok ? 'ok ' : 'BAD'}  ${check.title}: ${check.detail}`);
    if (!check.ok && check.fix) io.out(`     fix: ${check.fix}`);
  }
  const problems = checks.filter((check) => !check.ok).length;
  io.out(problems === 0 ? 'no problems found' : `${problems} problem(s) found`);
}

/** `warebench doctor`: permissions, udev rules, libusb and configured devices; exit 1 on any problem. */
export const doctor: Subcommand = async (argv, io) => {
  const parsed = parseCommandArgs(
    'warebench doctor',
    {
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
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
  const checks: DoctorCheck[] = [
    await checkSerialAccess({ platform: process.platform, uid: getuid?.() ?? -1, groups: getgroups?.() ?? [] }),
    await checkUdevRules({ platform: process.platform }),
    await checkHidLibrary(),
    ...(values.config ? await configChecks(values.config) : []),
  ];
  const ok = checks.every((check) => check.ok);
  if (values.json) io.out(JSON.stringify({ ok, checks }));
  else printReadable(checks, io);
  return ok ? EXIT.ok : EXIT.failure;
};
