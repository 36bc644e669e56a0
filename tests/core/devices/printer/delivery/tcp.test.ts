import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTcpPrinterTransport } from '../../../../../electron/core/devices/printer/delivery/tcp';
import { PrintError } from '../../../../../electron/core/devices/printer/delivery/transport';
import { labelTemplates } from '../../../../../electron/core/devices/printer/templates';
import { zplBytes } from '../../../../../electron/core/devices/printer/zpl';
import { closedPort, hsReply, type RawListener, startRawListener } from '../../../../support/devices/raw-listener';

const shippingZpl = labelTemplates.shipping.build(
  JSON.parse(readFileSync(new URL('../../../../../resources/labels/examples/shipping.json', import.meta.url), 'utf8')),
);

async function rejection(promise: Promise<unknown>): Promise<PrintError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PrintError)) throw new Error(`expected a PrintError, got ${String(error)}`);
  return error;
}

describe('raw TCP printing (port 9100 style)', () => {
  let listener: RawListener | undefined;
  afterEach(async () => {
    await listener?.close();
    listener = undefined;
  });

  it('delivers exactly the bytes of the built label', async () => {
    listener = await startRawListener();
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: listener.port });
    const bytes = zplBytes(shippingZpl);
    const receipt = await transport.send(bytes);
    expect(receipt).toEqual({ bytes: bytes.byteLength, target: listener.url });
    expect((await listener.nextJob()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('says the printer refused the connection, and that nothing printed', async () => {
    const port = await closedPort();
    const error = await rejection(createTcpPrinterTransport({ host: '127.0.0.1', port }).send(zplBytes(shippingZpl)));
    expect(error.code).toBe('refused');
    expect(error.mayHavePrinted).toBe(false);
    expect(error.message).toContain(`tcp://127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports a connection dropped mid-job as possibly printed', async () => {
    listener = await startRawListener({ kind: 'drop', afterBytes: 1 });
    const big = zplBytes(`^XA${'^FO10,10^A0N,30,30^FDfiller^FS'.repeat(200_000)}^XZ`);
    const error = await rejection(createTcpPrinterTransport({ host: '127.0.0.1', port: listener.port }).send(big));
    expect(error.code).toBe('reset');
    expect(error.mayHavePrinted).toBe(true);
    expect(error.message).toMatch(/may or may not have printed/);
    expect(listener.jobs).toHaveLength(0);
  });

  it('reads paper out and head open from ~HS', async () => {
    listener = await startRawListener();
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: listener.port });
    listener.hsReply = hsReply({ paperOut: true });
    expect(await transport.status()).toMatchObject({ ready: false, problems: ['paper out'], source: 'printer' });
    listener.hsReply = hsReply({ headOpen: true });
    expect(await transport.status()).toMatchObject({ ready: false, problems: ['print head open'] });
    listener.hsReply = hsReply();
    expect(await transport.status()).toMatchObject({ ready: true, problems: [] });
    expect(listener.statusQueries).toBe(3);
    expect(listener.jobs).toHaveLength(0);
  });

  it('checks ~HS on the job connection and sends nothing to a printer that is not ready', async () => {
    listener = await startRawListener();
    listener.hsReply = hsReply({ headOpen: true });
    const transport = createTcpPrinterTransport({ host: '127.0.0.1', port: listener.port, checkStatusBeforePrint: true });
    const error = await rejection(transport.send(zplBytes(shippingZpl)));
    expect(error).toMatchObject({ code: 'not-ready', mayHavePrinted: false, problems: ['print head open'] });
    expect(listener.jobs).toHaveLength(0);

    listener.hsReply = hsReply();
    await transport.send(zplBytes(shippingZpl));
    expect((await listener.nextJob()).toString('utf8')).toBe(shippingZpl);
    expect(listener.connections).toBe(2);
  });

  it('gives up on a printer that never answers ~HS, saying why it may be silent', async () => {
    listener = await startRawListener();
    const error = await rejection(createTcpPrinterTransport({ host: '127.0.0.1', port: listener.port, ioTimeoutMs: 200 }).status());
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/out of media or ribbon/);
  });

  it('treats a printer that stops reading as a job that may have printed', async () => {
    listener = await startRawListener({ kind: 'stall' });
    const big = zplBytes(`^XA${'x'.repeat(32 * 1024 * 1024)}^XZ`);
    const error = await rejection(createTcpPrinterTransport({ host: '127.0.0.1', port: listener.port, ioTimeoutMs: 300 }).send(big));
    expect(error).toMatchObject({ code: 'timeout', mayHavePrinted: true });
  });
});
