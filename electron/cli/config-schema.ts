import { z } from 'zod';
import { DeviceConfig } from '../core/devices/config';
import { StationConfig } from '../core/kernel/config';
import { parseCommandArgs } from './args';
import { EXIT, type Subcommand } from './io';

const USAGE = 'usage: warebench config schema   print the JSON Schema of station.json (for editors and config tooling)';

/**
 * The JSON Schema of `station.json`, generated from the zod schema the station loads it with. The device list is
 * described with the device layer's own schema, which checks it when the devices open.
 */
export function stationConfigJsonSchema(): Record<string, unknown> {
  const documented = StationConfig.extend({ devices: z.array(DeviceConfig).default([]) });
  return {
    ...z.toJSONSchema(documented, { io: 'input', target: 'draft-2020-12' }),
    title: 'Warebench station.json',
    description: 'The station config file in the data folder; every setting is optional and an absent file means the defaults.',
  };
}

/** `warebench config schema`. */
export const config: Subcommand = async (argv, io) => {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h') {
    io.out(USAGE);
    return action === undefined ? EXIT.invalid : EXIT.ok;
  }
  if (action !== 'schema') {
    io.err(`warebench config: unknown action "${action}"; actions: schema`);
    return EXIT.invalid;
  }
  const parsed = parseCommandArgs('warebench config schema', { args: rest, options: {} }, io);
  if (!parsed) return EXIT.invalid;
  io.out(JSON.stringify(stationConfigJsonSchema(), null, 2));
  return EXIT.ok;
};
