import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { PrintError, type PrinterTransport } from '../core/devices/printer/delivery/transport';
import type { PrinterStatus } from '../core/devices/printer/status';
import { openPrinterTarget, PrinterTargetError, parsePrinterTarget } from '../core/devices/printer/targets';
import { isLabelTemplateName, labelTemplateNames, labelTemplates } from '../core/devices/printer/templates';
import { zplBytes } from '../core/devices/printer/zpl';
import { parseCommandArgs } from './args';
import { type CliIo, EXIT, type Subcommand } from './io';

const USAGE = [
  'usage: warebench print --to tcp://HOST:PORT|cups:QUEUE --template sscc|shipping|lpn --data FILE.json [--status] [--json]',
  '       warebench print --to tcp://HOST:PORT|cups:QUEUE --status [--json]',
  '  --status   ask the printer (~HS) or the queue (lpstat) first; with a label, print only when it is ready',
  '  examples of --data files: resources/labels/examples/',
].join('\n');

interface Failure {
  code: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function report(io: CliIo, json: boolean, failure: Failure): void {
  if (json) {
    io.out(JSON.stringify({ ok: false, error: failure }));
    return;
  }
  io.err(`warebench print: ${failure.message}`);
  for (const issue of failure.issues ?? []) io.err(`  ${issue.path}: ${issue.message}`);
}

function statusLine(status: PrinterStatus): string {
  return status.ready ? 'ready' : `not ready: ${status.problems.join(', ')}`;
}

function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(top level)', message: issue.message }));
}

/** `warebench print`: build a label from a template and a JSON file, send it to a printer, report the job. */
export const print: Subcommand = async (argv, io) => {
  const parsed = parseCommandArgs(
    'warebench print',
    {
      args: argv,
      options: {
        to: { type: 'string' },
        template: { type: 'string' },
        data: { type: 'string' },
        status: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    io,
  );
  if (!parsed) return EXIT.invalid;
  const { values } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const json = values.json;
  const invalid = (text: string): number => {
    report(io, json, { code: 'invalid-arguments', message: text });
    if (!json) io.err(USAGE);
    return EXIT.invalid;
  };

  if (!values.to) return invalid('--to is required');
  const labelWanted = values.template !== undefined || values.data !== undefined;
  if (!labelWanted && !values.status) return invalid('give --template and --data to print, or --status to ask the printer');
  if (labelWanted && (!values.template || !values.data)) return invalid('--template and --data go together');

  let transport: PrinterTransport;
  try {
    transport = openPrinterTarget(parsePrinterTarget(values.to), { tcp: { checkStatusBeforePrint: values.status } });
  } catch (error) {
    return invalid(error instanceof PrinterTargetError ? error.message : message(error));
  }

  let zpl: string | undefined;
  if (values.template && values.data) {
    if (!isLabelTemplateName(values.template))
      return invalid(`unknown template "${values.template}"; use ${labelTemplateNames.join(', ')}`);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(values.data, 'utf8'));
    } catch (error) {
      report(io, json, { code: 'invalid-data', message: `cannot read ${values.data} as JSON: ${message(error)}` });
      return EXIT.invalid;
    }
    const template = labelTemplates[values.template];
    const checked = template.schema.safeParse(data);
    if (!checked.success) {
      report(io, json, {
        code: 'invalid-data',
        message: `${values.data} does not fit the ${template.name} template`,
        issues: issuesOf(checked.error),
      });
      return EXIT.invalid;
    }
    zpl = template.build(data);
  }

  try {
    let status: PrinterStatus | undefined;
    // Raw TCP asks ~HS on the print connection itself; a spooler queue is asked before handing it the job.
    if (values.status && (zpl === undefined || !transport.target.startsWith('tcp://'))) {
      status = await transport.status();
      if (zpl !== undefined && !status.ready) {
        report(io, json, { code: 'not-ready', message: `${transport.target} is ${statusLine(status)}; nothing was printed` });
        return EXIT.failure;
      }
    }
    if (zpl === undefined) {
      if (!status) return EXIT.failure;
      io.out(json ? JSON.stringify({ ok: true, to: transport.target, status }) : `${transport.target}: ${statusLine(status)}`);
      return EXIT.ok;
    }
    const receipt = await transport.send(zplBytes(zpl));
    const result = { ok: true, bytes: receipt.bytes, to: receipt.target, ...(receipt.spoolerJob ? { job: receipt.spoolerJob } : {}) };
    io.out(
      json
        ? JSON.stringify(result)
        : `printed ${receipt.bytes} bytes to ${receipt.target}${receipt.spoolerJob ? ` (job ${receipt.spoolerJob})` : ''}`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PrintError) {
      report(io, json, { code: error.code, message: error.message });
      return EXIT.failure;
    }
    report(io, json, { code: 'failure', message: message(error) });
    return EXIT.failure;
  }
};
