import { z } from 'zod';
import { defineEvents } from './contract/define';
import { ScanFeedback, Workflow } from './contract/station';
import { DeviceStatus, WeightReading } from './domain/devices';
import { Operator } from './domain/master-data';
import { PrintJobView } from './domain/printing';
import { SyncState } from './domain/sync-state';

/** Everything the core pushes to the renderer unasked. */
export const events = defineEvents({
  'session.changed': z.object({ operator: Operator.nullable() }),
  'scan.result': ScanFeedback.extend({ data: z.string() }),
  'scale.reading': WeightReading.extend({ role: z.string() }),
  'device.status': DeviceStatus,
  'sync.state': SyncState,
  'print.job': PrintJobView,
  /** A workflow's state changed; the screen re-reads it. */
  'workflow.changed': z.object({ workflow: Workflow, reason: z.string().optional() }),
  /** Something the operator must see now: an order cancelled mid-pack, a hold on what is being received. */
  alert: z.object({ level: z.enum(['info', 'warning', 'stop']), message: z.string(), workflow: Workflow.optional() }),
});

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
