import { pathToFileURL } from 'node:url';
import { type CliIo, processIo, type Subcommand } from './cli/io';

/** Subcommands load lazily so `warebench scan-parse` never loads serialport or node-hid. */
const subcommands: Record<string, { summary: string; load: () => Promise<Subcommand> }> = {
  serve: { summary: 'run the station core host (browser shell) on 127.0.0.1', load: async () => (await import('./cli/serve')).serve },
  doctor: {
    summary: 'check permissions, libusb and configured devices; says how to fix each problem',
    load: async () => (await import('./cli/doctor')).doctor,
  },
  devices: {
    summary: 'list serial ports and HID devices with the roles they could take',
    load: async () => (await import('./cli/devices')).devices,
  },
  scale: {
    summary: 'scale read --port PATH --protocol mt-sics|nci|toledo [--stable]',
    load: async () => (await import('./cli/scale')).scale,
  },
  'scan-parse': {
    summary: 'scan-parse <data>: parse a barcode as the station would',
    load: async () => (await import('./cli/scan-parse')).scanParse,
  },
  print: {
    summary: 'print --to tcp://HOST:PORT|cups:QUEUE --template sscc|shipping|lpn --data FILE.json',
    load: async () => (await import('./cli/print')).print,
  },
  enroll: {
    summary: "enroll --server URL --code CODE: trade an enrollment code for this station's credential",
    load: async () => (await import('./cli/enroll')).enroll,
  },
  config: { summary: 'config schema: the JSON Schema of station.json', load: async () => (await import('./cli/config-schema')).config },
};

function usage(io: CliIo): void {
  io.out('usage: warebench <command> [options] [--json]\n');
  for (const [name, { summary }] of Object.entries(subcommands)) io.out(`  ${name.padEnd(11)} ${summary}`);
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name ? 0 : 2;
  }
  const entry = subcommands[name];
  if (!entry) {
    io.err(`warebench: unknown command "${name}"`);
    usage(io);
    return 2;
  }
  const run = await entry.load();
  return run(rest, io);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
