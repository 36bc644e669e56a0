import { describe, expect, it } from 'vitest';
import { createHostStatusReader, parseHostStatus } from '../../../../electron/core/devices/printer/hs-status';
import { PrinterStatus } from '../../../../electron/core/devices/printer/status';
import { hsReply } from '../../../support/devices/raw-listener';

describe('~HS host status', () => {
  it('reads a ready printer', () => {
    const status = parseHostStatus(hsReply());
    expect(status).toMatchObject({ ready: true, problems: [], source: 'printer' });
    expect(status?.flags).toMatchObject({ paperOut: false, headOpen: false, labelLengthDots: 1218, printMode: 2 });
    expect(PrinterStatus.safeParse(status).success).toBe(true);
  });

  it('names paper out, head open, ribbon out, pause and a waiting label', () => {
    expect(parseHostStatus(hsReply({ paperOut: true }))?.problems).toEqual(['paper out']);
    expect(parseHostStatus(hsReply({ headOpen: true, ribbonOut: true }))?.problems).toEqual(['print head open', 'ribbon out']);
    expect(parseHostStatus(hsReply({ paused: true, labelWaiting: true }))).toMatchObject({
      ready: false,
      problems: ['paused', 'label waiting to be taken'],
    });
  });

  it('reads temperature, buffer and RAM flags of string 1', () => {
    const reply = '\u0002030,0,0,1218,002,1,0,0,000,1,0,1\u0003\r\n\u0002001,0,0,0,1,2,4,0,00000003,1,000\u0003\r\n\u00021234,0\u0003\r\n';
    const status = parseHostStatus(reply);
    expect(status?.problems).toEqual(['print head too hot', 'receive buffer full', 'configuration lost (corrupt RAM)']);
    expect(status?.flags).toMatchObject({ formatsInBuffer: 2, thermalTransfer: true, labelsRemaining: 3 });
  });

  it('assembles a reply that arrives one byte at a time', () => {
    const reader = createHostStatusReader();
    const bytes = new TextEncoder().encode(hsReply({ headOpen: true }));
    const results = [...bytes].map((byte) => reader.push(Uint8Array.of(byte)));
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(results.slice(0, -1).some((r) => r?.problems.includes('print head open'))).toBe(true);
  });

  it('skips noise before, between and inside frames', () => {
    const [s1, s2] = hsReply({ paperOut: true }).split('\r\n');
    const noisy = `garbage\u0003\u0002not,a,status\u0003${s1}\r\n\u0000\u00ff${s2}\r\n`;
    expect(parseHostStatus(noisy)?.problems).toEqual(['paper out']);
  });

  it('answers nothing for an incomplete or foreign reply', () => {
    const [s1] = hsReply().split('\r\n');
    expect(parseHostStatus(`${s1}\r\n`)).toBeUndefined();
    expect(parseHostStatus('\u0002hello\u0003')).toBeUndefined();
    expect(parseHostStatus('')).toBeUndefined();
  });
});
