import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliIo } from './io';

type ParseArgsOptions = NonNullable<ParseArgsConfig['options']>;

/** The known options as one line: `--port <value>, --open, --[no-]kiosk`. */
export function optionList(options: ParseArgsOptions, negatable = false): string {
  const entries = Object.entries(options);
  if (entries.length === 0) return '(none)';
  return entries
    .map(([name, option]) => {
      const flag = negatable && option.type === 'boolean' ? `--[no-]${name}` : `--${name}`;
      return option.type === 'string' ? `${flag} <value>` : flag;
    })
    .join(', ');
}

/** Node's parse error in a few words: the first sentence, without the hint about `--`. */
function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split(/\.\s/)[0] ?? message).replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * `parseArgs` for a subcommand, strict: an unknown option, a missing value or a stray argument prints one line (what is
 * wrong and the options the command knows) and gives null, never a stack trace.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T, io: CliIo): ReturnType<typeof parseArgs<T>> | null {
  try {
    return parseArgs(config);
  } catch (error) {
    io.err(`${command}: ${shortReason(error)}; options: ${optionList(config.options ?? {}, config.allowNegative === true)}`);
    return null;
  }
}
