import { z } from 'zod';
import { defineEvents } from './contract/define';
import { ApprovalPurpose, ScanFeedback, Workflow } from './contract/station';
import { DeviceStatus, WeightReading } from './domain/devices';
import { Operator } from './domain/master-data';
import { PrintJobView } from './domain/printing';
import { SyncState } from './domain/sync-state';
import { Message } from './messages';

/** Everything the core pushes to the renderer unasked. */
export const events = defineEvents({
  'session.changed': z.object({ operator: Operator.nullable() }),
  'scan.result': ScanFeedback.extend({ data: z.string() }),
  /** A supervisor's badge was scanned for an approval the screen waits for; `pinRequired`: the keypad comes next. */
  'approval.scanned': z.object({
    purpose: ApprovalPurpose,
    supervisor: z.object({ id: z.string(), name: z.string() }),
    pinRequired: z.boolean(),
  }),
  'scale.reading': WeightReading.extend({ role: z.string() }),
  'device.status': DeviceStatus,
  'sync.state': SyncState,
  'print.job': PrintJobView,
  /** A workflow's state changed; the screen re-reads it. */
  'workflow.changed': z.object({ workflow: Workflow, reason: z.string().optional() }),
  /** Something the operator must see now: an order cancelled mid-pack, a hold on what is being received. */
  alert: z.object({ level: z.enum(['info', 'warning', 'stop']), message: Message, workflow: Workflow.optional() }),
});

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);

/**
 * Who receives an event. `everyone`: every connection, signed in or not (health without hosts or paths).
 * `signed-in`: connections with an operator. `own`: the connection whose call or scan caused it; when no
 * connection caused it (a cancellation pulled by sync), every signed-in connection.
 */
export type EventAudience = 'everyone' | 'signed-in' | 'own';

export const eventAudience: Record<EventName, EventAudience> = {
  'session.changed': 'own',
  'scan.result': 'own',
  'approval.scanned': 'own',
  'workflow.changed': 'own',
  alert: 'own',
  'scale.reading': 'signed-in',
  'print.job': 'signed-in',
  'device.status': 'everyone',
  'sync.state': 'everyone',
};
