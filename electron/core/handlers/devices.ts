import type { StationContext } from '../context';
import { StationError } from '../errors';
import type { HandlersFor } from '../router';

type DeviceCommands = 'devices.list' | 'devices.test' | 'scale.current' | 'sim.scale.set';

export function devicesHandlers(ctx: StationContext): HandlersFor<DeviceCommands> {
  return {
    'devices.list': () => ctx.devices.list(),
    'devices.test': async ({ id }) => ctx.devices.test(id),
    'scale.current': ({ role }) => ctx.devices.currentWeight(role),
    'sim.scale.set': ({ role, valueKg, motion }) => {
      if (!ctx.config.training) throw new StationError('forbidden', 'The simulated scale is only there in training mode.');
      return { ok: ctx.devices.setSimWeight(role, valueKg, motion) };
    },
  };
}
