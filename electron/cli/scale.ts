import { z } from 'zod';
import { createSerialTransport } from '../core/devices/io/serial';
import { DEFAULT_SERIAL_SETTINGS, scaleProtocol } from '../core/devices/scale/protocols';
import { createScale } from '../core/devices/scale/scale';
import { systemClock } from '../core/kernel/clock';
import { parseCommandArgs } from './args';
import { EXIT, type Subcommand } from './io';

const USAGE =
  'usage: warebench scale read --port PATH --protocol mt-sics|nci|toledo [--baud N] [--parity none|even|odd] [--data-bits 7|8] [--stop-bits 1|2] [--no-checksum] [--stable] [--timeout MS] [--json]';

const intText = (name: string) => z.string().regex(/^\d+$/, `${name} must be a whole number`).transform(Number);

const ReadArgs = z.object({
  port: z.string({ error: '--port is required' }).min(1, '--port is required'),
  protocol: z.enum(['mt-sics', 'nci', 'toledo'], { error: '--protocol must be mt-sics, nci or toledo' }),
  baud: intText('--baud').pipe(z.number().int().min(110).max(921_600)).optional(),
  parity: z.enum(['none', 'even', 'odd'], { error: '--parity must be none, even or odd' }).optional(),
  'data-bits': z.enum(['7', '8'], { error: '--data-bits must be 7 or 8' }).transform(Number).optional(),
  'stop-bits': z.enum(['1', '2'], { error: '--stop-bits must be 1 or 2' }).transform(Number).optional(),
  timeout: intText('--timeout').pipe(z.number().int().min(100).max(600_000)).default(5000),
  stable: z.boolean().default(false),
  'no-checksum': z.boolean().default(false),
  json: z.boolean().default(false),
});

/** `warebench scale read`: opens a serial scale, prints one reading (or the first settled one with --stable). */
export const scale: Subcommand = async (argv, io) => {
  const [action, ...rest] = argv;
  if (action === '--help' || action === '-h' || action === undefined) {
    io.out(USAGE);
    return action === undefined ? EXIT.invalid : EXIT.ok;
  }
  if (action !== 'read') {
    io.err(`warebench scale: unknown action "${action}"`);
    io.err(USAGE);
    return EXIT.invalid;
  }
  const options = parseCommandArgs(
    'warebench scale read',
    {
      args: rest,
      options: {
        port: { type: 'string' },
        protocol: { type: 'string' },
        baud: { type: 'string' },
        parity: { type: 'string' },
        'data-bits': { type: 'string' },
        'stop-bits': { type: 'string' },
        timeout: { type: 'string' },
        stable: { type: 'boolean' },
        'no-checksum': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    },
    io,
  );
  if (!options) return EXIT.invalid;
  const parsed = ReadArgs.safeParse(options.values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.err(`warebench scale read: ${issue.message}`);
    io.err(USAGE);
    return EXIT.invalid;
  }
  const args = parsed.data;
  const defaults = DEFAULT_SERIAL_SETTINGS[args.protocol];
  const clock = systemClock;
  const transport = createSerialTransport({
    path: args.port,
    baudRate: args.baud ?? defaults.baudRate,
    parity: args.parity ?? defaults.parity,
    dataBits: (args['data-bits'] ?? defaults.dataBits) as 7 | 8,
    stopBits: (args['stop-bits'] ?? defaults.stopBits) as 1 | 2,
    clock,
  });
  const device = createScale({
    transport,
    protocol: scaleProtocol(args.protocol, args['no-checksum'] ? { checksum: false } : {}),
    clock,
    pollIntervalMs: 100,
    settle: { windowMs: args.stable ? 250 : 0 },
  });
  try {
    await transport.open();
  } catch (error) {
    io.err(`warebench scale read: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
  try {
    device.start();
    const reading = args.stable ? await device.readStable(args.timeout) : await device.readNext(args.timeout);
    const result = { value: reading.value, unit: reading.unit, stable: reading.stable, status: reading.status };
    if (args.json) io.out(JSON.stringify(result));
    else
      io.out(`${reading.value} ${reading.unit} ${reading.status === 'ok' ? (reading.stable ? 'stable' : 'not settled') : reading.status}`);
    return EXIT.ok;
  } catch (error) {
    io.err(`warebench scale read: ${error instanceof Error ? error.message : String(error)} (check --protocol, --baud and --parity)`);
    return EXIT.failure;
  } finally {
    device.stop();
    await transport.close();
  }
};
