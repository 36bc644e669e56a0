import { type ParsedScan, parseScan } from '../../shared/scan';
import { parseCommandArgs } from './args';
import { type CliIo, EXIT, type Subcommand } from './io';

const USAGE = 'usage: warebench scan-parse <data> [--separator C] [--aim ]C1] [--json]';

/** Labels for the readable form, in the order they are printed. */
const FIELDS = [
  ['gtin', 'GTIN'],
  ['sscc', 'SSCC'],
  ['expiry', 'expiry'],
  ['bestBefore', 'best before'],
  ['productionDate', 'produced'],
  ['lot', 'lot'],
  ['serial', 'serial'],
  ['netWeightKg', 'net weight kg'],
  ['netWeightLb', 'net weight lb'],
  ['count', 'count'],
  ['customerPo', 'customer PO'],
  ['shipToPostal', 'ship-to postal'],
] as const;

function printReadable(result: ParsedScan, io: CliIo): void {
  if (!result.ok) {
    io.err(`invalid scan: ${result.error}`);
    return;
  }
  const lines = [`${result.kind} (${result.symbology})`];
  for (const [key, label] of FIELDS) {
    const value = result[key];
    if (value !== undefined) lines.push(`  ${label.padEnd(15)} ${value}`);
  }
  if (result.elements.length > 0) {
    lines.push('elements:');
    for (const { ai, title, value } of result.elements)
      lines.push(`  (${ai})${' '.repeat(Math.max(1, 6 - ai.length))}${title.padEnd(24)} ${value}`);
  }
  io.out(lines.join('\n'));
}

/** `warebench scan-parse <data>`: parse a barcode as the station would; exit 2 when it is invalid. */
export const scanParse: Subcommand = async (argv, io) => {
  const parsed = parseCommandArgs(
    'warebench scan-parse',
    {
      args: argv,
      allowPositionals: true,
      options: {
        separator: { type: 'string' },
        aim: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    io,
  );
  if (!parsed) return EXIT.invalid;
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const [data, ...extra] = positionals;
  if (data === undefined || extra.length > 0) {
    io.err(data === undefined ? 'warebench scan-parse: missing <data>' : 'warebench scan-parse: give the data as one argument (quote it)');
    io.err(USAGE);
    return EXIT.invalid;
  }
  const options: { separator?: string; aimId?: string } = {};
  if (values.separator !== undefined) options.separator = values.separator;
  if (values.aim !== undefined) options.aimId = values.aim;
  const result = parseScan(data, options);
  if (values.json) io.out(JSON.stringify(result));
  else printReadable(result, io);
  return result.ok ? EXIT.ok : EXIT.invalid;
};
