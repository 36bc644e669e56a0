import { hex4 } from '../core/devices/io/hid';
import { guessHidRole, guessSerialRole, loadDeviceProfiles, type RoleGuess } from '../core/devices/profiles';
import { parseCommandArgs } from './args';
import { type CliIo, EXIT, type Subcommand } from './io';

const USAGE = 'usage: warebench devices [--json]';

interface SerialEntry {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  guess: RoleGuess;
}

interface HidEntry {
  path?: string;
  vendorId: string;
  productId: string;
  usagePage?: string;
  usage?: number;
  product?: string;
  manufacturer?: string;
  serialNumber?: string;
  guess: RoleGuess;
}

interface Listing {
  serial: SerialEntry[];
  hid: HidEntry[];
  /** Enumerations that failed, e.g. node-hid missing libusb. */
  errors: string[];
}

const defined = <T extends object>(entry: T): T =>
  Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && value !== '')) as T;

async function listDevices(): Promise<Listing> {
  const profiles = await loadDeviceProfiles();
  const listing: Listing = { serial: [], hid: [], errors: [] };
  try {
    const { SerialPort } = await import('serialport');
    for (const port of await SerialPort.list()) {
      listing.serial.push(
        defined({
          path: port.path,
          manufacturer: port.manufacturer,
          vendorId: port.vendorId,
          productId: port.productId,
          serialNumber: port.serialNumber,
          guess: guessSerialRole(profiles, port),
        }),
      );
    }
  } catch (error) {
    listing.errors.push(`serial ports: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const hid = await import('node-hid');
    for (const device of await hid.devicesAsync()) {
      listing.hid.push(
        defined({
          path: device.path,
          vendorId: `0x${hex4(device.vendorId)}`,
          productId: `0x${hex4(device.productId)}`,
          usagePage: device.usagePage === undefined ? undefined : `0x${device.usagePage.toString(16)}`,
          usage: device.usage,
          product: device.product,
          manufacturer: device.manufacturer,
          serialNumber: device.serialNumber,
          guess: guessHidRole(profiles, device),
        }),
      );
    }
  } catch (error) {
    listing.errors.push(`HID devices: ${error instanceof Error ? error.message : String(error)} (run \`warebench doctor\`)`);
  }
  return listing;
}

function printReadable(listing: Listing, io: CliIo): void {
  io.out(`serial ports (${listing.serial.length}):`);
  for (const port of listing.serial) {
    const ids = port.vendorId ? ` [${port.vendorId}:${port.productId ?? '?'}]` : '';
    io.out(`  ${port.path}${ids}  ${port.guess.kind}: ${port.guess.reason}`);
  }
  io.out(`HID devices (${listing.hid.length}):`);
  for (const device of listing.hid) {
    const page = device.usagePage ? ` page ${device.usagePage}` : '';
    io.out(
      `  ${device.vendorId}:${device.productId}${page} ${device.product ?? ''}  ${device.guess.kind}: ${device.guess.reason}${device.path ? `  (${device.path})` : ''}`,
    );
  }
  for (const error of listing.errors) io.err(`could not list ${error}`);
}

/** `warebench devices`: serial ports and HID devices, each with the role it could take. */
export const devices: Subcommand = async (argv, io) => {
  const parsed = parseCommandArgs(
    'warebench devices',
    { args: argv, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } },
    io,
  );
  if (!parsed) return EXIT.invalid;
  if (parsed.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const json = parsed.values.json;
  const listing = await listDevices();
  if (json) io.out(JSON.stringify(listing));
  else printReadable(listing, io);
  return listing.errors.length > 0 ? EXIT.failure : EXIT.ok;
};
