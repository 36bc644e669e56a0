import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCupsPrinterTransport, parseLpstat } from '../../../../../electron/core/devices/printer/delivery/cups';
import { PrintError } from '../../../../../electron/core/devices/printer/delivery/transport';
import { labelTemplates } from '../../../../../electron/core/devices/printer/templates';
import { zplBytes } from '../../../../../electron/core/devices/printer/zpl';
import { cupsUnavailable, type PrivateCups, startPrivateCups } from '../../../../support/devices/cupsd';
import { type RawListener, startRawListener } from '../../../../support/devices/raw-listener';

const ssccZpl = labelTemplates.sscc.build(
  JSON.parse(readFileSync(new URL('../../../../../resources/labels/examples/sscc.json', import.meta.url), 'utf8')),
);

const unavailable = cupsUnavailable();
if (unavailable) console.warn(`skipping the CUPS queue tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('printing through a real CUPS queue', () => {
  let cups: PrivateCups;
  let listener: RawListener;

  beforeAll(async () => {
    cups = await startPrivateCups();
    listener = await startRawListener();
    // No model: a raw queue; jobs go unfiltered to the socket backend, i.e. to our listener.
    await cups.lpadmin(['-p', 'WB_TEST', '-E', '-v', `socket://127.0.0.1:${listener.port}`]);
  });

  afterAll(async () => {
    await cups?.stop();
    await listener?.close();
  });

  it('hands the label to lp -o raw and the printer receives identical bytes', async () => {
    const transport = createCupsPrinterTransport({ queue: 'WB_TEST', server: cups.server });
    const bytes = zplBytes(ssccZpl);
    const receipt = await transport.send(bytes);
    expect(receipt).toMatchObject({ bytes: bytes.byteLength, target: 'cups:WB_TEST' });
    expect(receipt.spoolerJob).toMatch(/^WB_TEST-\d+$/);
    const job = await listener.nextJob(30_000);
    expect(job.equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads the queue state with lpstat: ready, then disabled with its reason', async () => {
    const transport = createCupsPrinterTransport({ queue: 'WB_TEST', server: cups.server });
    expect(await transport.status()).toEqual({ ready: true, problems: [], source: 'spooler' });
    await cups.run('cupsdisable', ['-r', 'ribbon change', 'WB_TEST']);
    try {
      const status = await transport.status();
      expect(status.ready).toBe(false);
      expect(status.problems[0]).toMatch(/^queue WB_TEST is disabled: ribbon change/);
    } finally {
      await cups.run('cupsenable', ['WB_TEST']);
    }
  });

  it('refuses a job for a queue that does not exist, and nothing is printed', async () => {
    const transport = createCupsPrinterTransport({ queue: 'NO_SUCH_QUEUE', server: cups.server });
    const error = await transport.send(zplBytes(ssccZpl)).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PrintError);
    expect(error).toMatchObject({ code: 'spooler', mayHavePrinted: false });
    expect(await transport.status()).toEqual({ ready: false, problems: ['queue NO_SUCH_QUEUE not found'], source: 'spooler' });
  });
});

describe('lpstat output', () => {
  it('reads idle, printing and disabled queues', () => {
    expect(parseLpstat('Q', 'printer Q is idle.  enabled since Mon 01 Jan\n').ready).toBe(true);
    expect(parseLpstat('Q', 'printer Q now printing Q-3.  enabled since Mon 01 Jan\n').ready).toBe(true);
    expect(parseLpstat('Q', 'printer Q disabled since Mon 01 Jan -\n\tPaused\n')).toEqual({
      ready: false,
      problems: ['queue Q is disabled: Paused'],
      source: 'spooler',
    });
  });

  it('refuses queue names that could be options or paths', () => {
    expect(() => createCupsPrinterTransport({ queue: '-o' })).toThrow(/not a CUPS queue name/);
    expect(() => createCupsPrinterTransport({ queue: 'a b' })).toThrow(/not a CUPS queue name/);
  });
});
