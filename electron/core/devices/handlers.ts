import type { PrintJobView } from '../../../shared/domain/printing';
import { message } from '../../../shared/messages';
import type { StationContext } from '../context';
import { StationError } from '../kernel/errors';
import type { HandlersFor } from '../kernel/handlers';

type DeviceCommands =
  | 'devices.list'
  | 'devices.test'
  | 'scale.current'
  | 'sim.scale.set'
  | 'print.jobs'
  | 'print.resolve'
  | 'print.preview';

export function devicesHandlers(ctx: StationContext): HandlersFor<DeviceCommands> {
  return {
    'devices.list': () => ctx.devices.list(),
    'devices.test': async ({ id }) => ctx.devices.test(id),
    'scale.current': ({ role }) => ctx.devices.currentWeight(role),
    'sim.scale.set': ({ role, valueKg, motion }) => {
      if (!ctx.config.training) throw new StationError('forbidden', message('devices.simulatedOnlyInTraining'));
      return { ok: ctx.devices.setSimWeight(role, valueKg, motion) };
    },
    'print.jobs': ({ limit }) => ctx.devices.printJobs(limit),
    'print.resolve': ({ id, action, reason }, { operator }) => {
      let job: PrintJobView;
      try {
        job = ctx.devices.resolvePrintJob(id, action, reason);
      } catch (error) {
        throw new StationError('rule', message('devices.printJobRefused', { detail: (error as Error).message }));
      }
      if (operator) ctx.journal.append('print.resolve', { id, action, reason }, operator.id, ctx.clock.now().toISOString());
      return job;
    },
    'print.preview': async ({ id }) => {
      let images: Uint8Array[];
      try {
        images = await ctx.devices.previewPrintJob(id);
      } catch {
        throw new StationError('not_found', message('errors.notFound', { document: id }));
      }
      return { images: images.map((png) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`) };
    },
  };
}
