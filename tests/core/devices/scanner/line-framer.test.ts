import { describe, expect, it } from 'vitest';
import { createLineFramer } from '../../../../electron/core/devices/scanner/line-framer';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('serial scan line framer', () => {
  it('ends scans on CR, LF and CR LF and ignores empty lines', () => {
    const framer = createLineFramer();
    expect(framer.push(bytes('ABC\rDEF\nGHI\r\n\r\n'))).toEqual({ scans: ['ABC', 'DEF', 'GHI'], dropped: [] });
  });

  it('holds a partial scan until its line ends', () => {
    const framer = createLineFramer();
    expect(framer.push(bytes('0950600')).scans).toEqual([]);
    expect(framer.push(bytes('0134352\r')).scans).toEqual(['09506000134352']);
  });

  it('strips the configured prefix and suffix', () => {
    const framer = createLineFramer({ prefix: '\x02', suffix: '#' });
    expect(framer.push(bytes('\x02LPN-0001#\r\n')).scans).toEqual(['LPN-0001']);
    expect(framer.push(bytes('NOPREFIX\r\n')).scans).toEqual(['NOPREFIX']);
  });

  it('keeps GS separators and decodes UTF-8, falling back to latin1', () => {
    const framer = createLineFramer();
    expect(framer.push(bytes('10ABC\x1d21XYZ\r')).scans).toEqual(['10ABC\x1d21XYZ']);
    expect(framer.push(new Uint8Array([0xc3, 0xa9, 0x0d])).scans).toEqual(['é']);
    expect(framer.push(new Uint8Array([0xff, 0x41, 0x0d])).scans).toEqual(['ÿA']);
  });

  it('drops an over-long line whole', () => {
    const framer = createLineFramer({ maxLength: 8 });
    expect(framer.push(bytes('0123456789ABC\rOK\r'))).toEqual({ scans: ['OK'], dropped: ['scan longer than 8 bytes'] });
  });
});
