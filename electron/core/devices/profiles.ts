import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const hexId = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,4}$/, 'expected a hex id like 0x0922')
  .transform((text) => Number.parseInt(text.slice(2), 16));

export const DeviceProfile = z.strictObject({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['scale', 'scanner', 'printer', 'adapter']),
  vendorId: hexId,
  productId: hexId.optional(),
  usagePage: hexId.optional(),
  protocol: z.enum(['hid-pos', 'mt-sics', 'nci', 'toledo', 'lines']).optional(),
  serial: z
    .strictObject({
      baudRate: z.number().int().positive(),
      parity: z.enum(['none', 'even', 'odd']),
      dataBits: z.union([z.literal(7), z.literal(8)]),
      stopBits: z.union([z.literal(1), z.literal(2)]),
    })
    .optional(),
  note: z.string().optional(),
});
export type DeviceProfile = z.infer<typeof DeviceProfile>;

const ProfilesFile = z.strictObject({ profiles: z.array(DeviceProfile) });

export const DEFAULT_PROFILES_PATH = fileURLToPath(new URL('../../../resources/devices/profiles.json', import.meta.url));

/** Reads and validates device profiles (default: the ones shipped in resources/devices/profiles.json). */
export async function loadDeviceProfiles(path = DEFAULT_PROFILES_PATH): Promise<DeviceProfile[]> {
  const parsed = ProfilesFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`device profiles in ${path} are invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data.profiles;
}

/** What a found device probably is, and why the station thinks so. */
export interface RoleGuess {
  kind: 'scale' | 'scanner' | 'printer' | 'adapter' | 'keyboard' | 'unknown';
  reason: string;
  profile?: string;
  protocol?: DeviceProfile['protocol'];
}

/** HID usage pages and usages the station recognises. */
export const USAGE_PAGE = { genericDesktop: 0x01, barcodeScanner: 0x8c, scale: 0x8d } as const;

function byProfile(profiles: DeviceProfile[], vendorId: number | undefined, productId: number | undefined): DeviceProfile | undefined {
  if (vendorId === undefined) return undefined;
  const candidates = profiles.filter(
    (profile) => profile.vendorId === vendorId && (profile.productId === undefined || profile.productId === productId),
  );
  return candidates.find((profile) => profile.productId !== undefined) ?? candidates[0];
}

export function guessHidRole(
  profiles: DeviceProfile[],
  device: { vendorId: number; productId: number; usagePage?: number | undefined; usage?: number | undefined },
): RoleGuess {
  const profile = byProfile(profiles, device.vendorId, device.productId);
  const named = profile ? { profile: profile.id } : {};
  if (device.usagePage === USAGE_PAGE.scale)
    return { kind: 'scale', reason: 'HID POS scale (usage page 0x8D)', protocol: 'hid-pos', ...named };
  if (device.usagePage === USAGE_PAGE.barcodeScanner)
    return { kind: 'scanner', reason: 'HID POS scanner (usage page 0x8C)', protocol: 'hid-pos', ...named };
  if (device.usagePage === USAGE_PAGE.genericDesktop && device.usage === 6) {
    return profile?.kind === 'scanner'
      ? {
          kind: 'keyboard',
          reason: `${profile.label} in keyboard mode: the OS owns it; use it as a wedge or switch it to HID POS`,
          ...named,
        }
      : { kind: 'keyboard', reason: 'keyboard' };
  }
  if (profile) return { kind: profile.kind, reason: profile.label, ...named, ...(profile.protocol ? { protocol: profile.protocol } : {}) };
  return { kind: 'unknown', reason: 'unknown HID device' };
}

export function guessSerialRole(
  profiles: DeviceProfile[],
  port: { vendorId?: string | undefined; productId?: string | undefined },
): RoleGuess {
  const vendorId = port.vendorId ? Number.parseInt(port.vendorId, 16) : undefined;
  const productId = port.productId ? Number.parseInt(port.productId, 16) : undefined;
  const profile = byProfile(profiles, vendorId, productId);
  if (!profile)
    return {
      kind: 'unknown',
      reason: vendorId === undefined ? 'serial port (no USB ids: built-in or virtual)' : 'unknown USB serial device',
    };
  const protocol = profile.protocol === 'hid-pos' ? undefined : profile.protocol;
  return {
    kind: profile.kind,
    reason: profile.note ? `${profile.label}: ${profile.note}` : profile.label,
    profile: profile.id,
    ...(protocol ? { protocol } : {}),
  };
}
