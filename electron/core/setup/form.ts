import { type SetupDevices, type SetupForm, StationLocale } from '../../../shared/contract/setup';
import { type DeviceConfig, type DeviceConfigInput, DevicesConfig } from '../devices';
import type { StationConfig } from '../kernel/config';

/** Device ids the setup wizard manages; any other device in station.json is kept as it is. */
const wizardIds = new Set(['receiving-scanner', 'pack-scanner', 'receiving-scale', 'pack-scale', 'label-printer']);

const sideOf = (role: StationConfig['stationRole']) => (role === 'receiving' ? 'receiving' : 'pack');

/** The wizard's view of a station config: what it shows when setup runs again. */
export function configToForm(config: StationConfig): SetupForm {
  const locale = StationLocale.safeParse(config.locale);
  return {
    stationName: config.stationName,
    stationRole: config.stationRole,
    locale: locale.success ? locale.data : 'en',
    server: config.server && config.server !== 'embedded' ? { kind: 'central', url: config.server.url } : { kind: 'embedded' },
    devices: devicesToForm(config.devices),
    training: config.training,
    kiosk: config.kiosk,
    pinnedVersion: config.pinnedVersion,
  };
}

function devicesToForm(raw: unknown[]): SetupDevices {
  const parsed = DevicesConfig.safeParse(raw);
  const devices: DeviceConfig[] = parsed.success ? parsed.data : [];
  const form: SetupDevices = { scanner: { kind: 'wedge' }, scale: { kind: 'none' }, printer: { kind: 'none' } };
  for (const d of devices) {
    if (!wizardIds.has(d.id) || !d.enabled) continue;
    if (d.kind === 'scanner' && d.transport.type === 'serial') form.scanner = { kind: 'serial', path: d.transport.path };
    if (d.kind === 'scale' && d.transport.type === 'serial' && d.protocol && d.protocol !== 'hid-pos') {
      form.scale = { kind: 'serial', path: d.transport.path, protocol: d.protocol };
    }
    if (d.kind === 'printer' && d.transport.type === 'tcp') form.printer = { kind: 'tcp', host: d.transport.host, port: d.transport.port };
    if (d.kind === 'printer' && d.transport.type === 'cups') form.printer = { kind: 'cups', queue: d.transport.queue };
  }
  return form;
}

/** The device entries the wizard's answers stand for, in the device layer's config format. */
export function formDevices(form: Pick<SetupForm, 'devices' | 'stationRole'>): DeviceConfigInput[] {
  const side = sideOf(form.stationRole);
  const out: DeviceConfigInput[] = [];
  const { scanner, scale, printer } = form.devices;
  if (scanner.kind === 'serial') {
    out.push({
      id: `${side}-scanner`,
      kind: 'scanner',
      role: `${side}-scanner`,
      label: 'Scanner',
      transport: { type: 'serial', path: scanner.path },
      protocol: 'lines',
    });
  }
  if (scale.kind === 'serial') {
    out.push({
      id: `${side}-scale`,
      kind: 'scale',
      role: `${side}-scale`,
      label: 'Scale',
      transport: { type: 'serial', path: scale.path },
      protocol: scale.protocol,
    });
  }
  if (printer.kind === 'tcp') {
    out.push({
      id: 'label-printer',
      kind: 'printer',
      role: 'label-printer',
      label: 'Label printer',
      transport: { type: 'tcp', host: printer.host, port: printer.port },
      protocol: 'zpl',
    });
  }
  if (printer.kind === 'cups') {
    out.push({
      id: 'label-printer',
      kind: 'printer',
      role: 'label-printer',
      label: 'Label printer',
      transport: { type: 'cups', queue: printer.queue },
      protocol: 'zpl',
    });
  }
  return out;
}

/** The devices a station config keeps after the wizard: its own entries replaced, any other kept. */
export function mergeDevices(existing: unknown[], form: Pick<SetupForm, 'devices' | 'stationRole'>): unknown[] {
  const kept = existing.filter((d) => {
    const id = typeof d === 'object' && d !== null && 'id' in d ? (d as { id: unknown }).id : undefined;
    return typeof id !== 'string' || !wizardIds.has(id);
  });
  return [...kept, ...formDevices(form)];
}

/** A new station config from the wizard's answers over the config it started from. */
export function formToConfig(form: SetupForm, base: StationConfig, server: StationConfig['server']): StationConfig {
  return {
    ...base,
    stationName: form.stationName,
    stationRole: form.stationRole,
    locale: form.locale,
    server,
    devices: mergeDevices(base.devices, form),
    training: form.training,
    kiosk: form.kiosk,
    pinnedVersion: form.pinnedVersion,
  };
}
