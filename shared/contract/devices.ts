import { z } from 'zod';
import { defineCommands } from './define';
import { DeviceStatus, WeightReading } from '../domain/devices';

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
    input: z.object({ role: z.string().min(1).max(64), valueKg: z.number().min(-1000).max(10_000), motion: z.boolean().default(false) }).strict(),
    output: z.object({ ok: z.boolean() }),
  },
});
