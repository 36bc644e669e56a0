/** What a subcommand writes to; tests pass their own to capture output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** A subcommand: takes its own argv (after the subcommand name), returns the exit code. */
export type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

/** Exit codes: 0 ok, 1 runtime failure (device, network), 2 bad input or invalid data. */
export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;
