import type { BusyState, SetupState } from '../../../shared/contract/setup';
import type { StationInfo } from '../../../shared/contract/station';
import type { DeviceStatus } from '../../../shared/domain/devices';
import type { SyncState } from '../../../shared/domain/sync-state';
import { message } from '../../../shared/messages';
import { StationError } from '../kernel/errors';

/**
 * What a connection with nobody signed in may learn: what the sign-in screen and the first-run wizard need
 * (station name, language, device health as states), never folders, hosts, ports or server addresses.
 */
export const deviceHealth = (device: DeviceStatus): DeviceStatus => ({
  id: device.id,
  role: device.role,
  kind: device.kind,
  transport: device.transport,
  label: device.role,
  connection: device.connection,
  since: device.since,
});

export const syncHealth = (state: SyncState): SyncState => ({ ...state, serverUrl: null, lastError: null });

const views: Partial<Record<string, (value: unknown) => unknown>> = {
  'station.info': (value) => ({ ...(value as StationInfo), dataDir: '' }),
  'devices.list': (value) => (value as DeviceStatus[]).map(deviceHealth),
  'sync.state': (value) => syncHealth(value as SyncState),
  // Whether work is open, not which order or PO.
  'station.busy': (value) => {
    const { busy } = value as BusyState;
    return { busy, reason: busy ? 'work is open at the station' : null };
  },
  // The first-run wizard runs before any operator exists; once the station is set up, its setup is for supervisors.
  'setup.state': (value) => {
    if ((value as SetupState).needed) return value;
    throw new StationError('forbidden', message('session.signInToSeeSetup'));
  },
};

/** The answer a signed-out connection gets for `command`: the value itself, a reduced view, or a `forbidden` error. */
export function signedOutView(command: string, value: unknown): unknown {
  const view = views[command];
  return view ? view(value) : value;
}
