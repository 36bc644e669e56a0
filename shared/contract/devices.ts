import { z } from 'zod';
import { DeviceStatus, WeightReading } from '../domain/devices';
import { PrintJobView } from '../domain/printing';
import { defineCommands } from './define';

const Empty = z.object({}).strict();

export const devicesCommands = defineCommands({
  'devices.list': { summary: 'every configured device and its state', access: 'public', input: Empty, output: z.array(DeviceStatus) },
  'devices.test': {
    summary: 'exercise one device: beep a scanner, read a scale, print a test label',
    access: 'signed-in',
    input: z.object({ id: z.string().min(1).max(128) }).strict(),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  },
  'scale.current': {
    summary: 'the newest reading of the scale with this role',
    access: 'signed-in',
    input: z.object({ role: z.string().min(1).max(64) }).strict(),
    output: WeightReading.nullable(),
  },
  'sim.scale.set': {
    summary: 'training mode: put a weight on the simulated scale',
    access: 'signed-in',
    input: z
      .object({ role: z.string().min(1).max(64), valueKg: z.number().min(-1000).max(10_000), motion: z.boolean().default(false) })
      .strict(),
    output: z.object({ ok: z.boolean() }),
  },
  'print.jobs': {
    summary: 'the latest print jobs and their states',
    access: 'signed-in',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.array(PrintJobView),
  },
  'print.resolve': {
    summary: 'decide on an uncertain or failed print job: print it again, or close it as done',
    access: 'signed-in',
    input: z
      .object({
        id: z.string().min(1).max(64),
        action: z.enum(['reprint', 'done']),
        reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(200),
      })
      .strict(),
    output: PrintJobView,
  },
  'print.preview': {
    summary: 'pictures of the labels of one print job, as PNG data URLs',
    access: 'signed-in',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ images: z.array(z.string().startsWith('data:image/png;base64,')) }),
  },
});
