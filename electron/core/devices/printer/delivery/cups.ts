/**
 * Printing through a CUPS queue with `lp -d QUEUE -o raw` (job bytes on stdin), queue state with `lpstat -p QUEUE`.
 * Commands run through execFile with an argument list, never a shell string.
 */
import { execFile } from 'node:child_process';
import type { PrinterStatus } from '../status';
import { PrintError, type PrinterTransport } from './transport';

export interface CupsPrinterOptions {
  queue: string;
  /** CUPS server `host:port`; the system default when absent. */
  server?: string;
  timeoutMs?: number;
  lpPath?: string;
  lpstatPath?: string;
}

/** CUPS queue names: printable, no space, `/`, `#`, quote or backslash; never starting with `-`. */
export const CUPS_QUEUE_NAME = /^(?!-)[^\s/#\\'"]{1,127}$/;

interface RunResult {
  stdout: string;
  stderr: string;
}

class RunError extends Error {
  constructor(
    message: string,
    readonly errno: string | undefined,
    readonly stderr: string,
    readonly killed: boolean,
  ) {
    super(message);
    this.name = 'RunError';
  }
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, input?: Uint8Array): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { env, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) {
        const errno = typeof error.code === 'string' ? error.code : undefined;
        reject(new RunError(error.message, errno, stderr, error.killed === true));
      } else {
        resolve({ stdout, stderr });
      }
    });
    // lp may exit before reading everything (bad queue); its exit status tells what happened, not EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** `lpstat -p` lines: "printer Q is idle.  enabled since ...", "printer Q disabled since ... -\n\treason". */
export function parseLpstat(queue: string, output: string): PrinterStatus {
  const lines = output.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`printer ${queue} `));
  const line = index >= 0 ? (lines[index] ?? '') : '';
  if (index < 0) return { ready: false, problems: [`queue ${queue} not found`], source: 'spooler' };
  if (/\bdisabled\b/.test(line)) {
    const reason = (lines[index + 1] ?? '').trim();
    return { ready: false, problems: [`queue ${queue} is disabled${reason ? `: ${reason}` : ''}`], source: 'spooler' };
  }
  return { ready: true, problems: [], source: 'spooler' };
}

export function createCupsPrinterTransport(options: CupsPrinterOptions): PrinterTransport {
  if (!CUPS_QUEUE_NAME.test(options.queue)) {
    throw new Error(`"${options.queue}" is not a CUPS queue name (no spaces, "/", "#" or quotes; not starting with "-")`);
  }
  const queue = options.queue;
  const target = `cups:${queue}`;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const env: NodeJS.ProcessEnv = { ...process.env, ...(options.server ? { CUPS_SERVER: options.server } : {}) };

  const spoolerFailure = (error: unknown, stage: string, mayHavePrinted: boolean): PrintError => {
    if (error instanceof RunError && error.errno === 'ENOENT') {
      return new PrintError(
        {
          code: 'unsupported',
          target,
          mayHavePrinted: false,
          message: `Printer ${target}: ${stage} needs the CUPS client commands (lp, lpstat); install cups-client.`,
        },
        { cause: error },
      );
    }
    const detail = error instanceof RunError ? error.stderr.trim() || error.message : String(error);
    const timedOut = error instanceof RunError && error.killed;
    return new PrintError(
      {
        code: timedOut ? 'timeout' : 'spooler',
        target,
        mayHavePrinted,
        message: `Printer ${target}: ${stage} failed: ${timedOut ? `no answer from CUPS within ${timeoutMs} ms` : detail}`,
      },
      { cause: error },
    );
  };

  return {
    target,
    async send(bytes) {
      let result: RunResult;
      try {
        result = await run(options.lpPath ?? 'lp', ['-d', queue, '-o', 'raw'], env, timeoutMs, bytes);
      } catch (error) {
        // lp killed on timeout may already have handed the job to the scheduler.
        throw spoolerFailure(error, 'lp', error instanceof RunError && error.killed);
      }
      const spoolerJob = /request id is (\S+)/.exec(result.stdout)?.[1];
      return { bytes: bytes.byteLength, target, ...(spoolerJob ? { spoolerJob } : {}) };
    },
    async status() {
      try {
        const { stdout } = await run(options.lpstatPath ?? 'lpstat', ['-p', queue], env, timeoutMs);
        return parseLpstat(queue, stdout);
      } catch (error) {
        if (error instanceof RunError && /Invalid destination|not exist|Unknown destination/i.test(error.stderr)) {
          return { ready: false, problems: [`queue ${queue} not found`], source: 'spooler' };
        }
        throw spoolerFailure(error, 'lpstat', false);
      }
    },
  };
}
