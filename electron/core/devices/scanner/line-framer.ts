export interface LineFramingOptions {
  /** Text the scanner is set up to send before every scan (stripped when present). */
  prefix?: string;
  /** Text sent after every scan, before the line end (stripped when present). */
  suffix?: string;
  /** How bytes become text: 'utf-8' (falls back to latin1 for bytes that are not UTF-8) or 'latin1'. */
  encoding?: 'utf-8' | 'latin1';
  /** Longest scan accepted; longer lines are dropped whole (default 4096 bytes). */
  maxLength?: number;
}

export interface LineFramer {
  /** Bytes in; complete scans (text without line end, prefix and suffix) out. */
  push(bytes: Uint8Array): { scans: string[]; dropped: string[] };
  reset(): void;
}

const CR = 0x0d;
const LF = 0x0a;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'latin1'): string {
  if (encoding === 'utf-8') {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      // Not UTF-8: keep every byte as one character rather than replace it.
    }
  }
  return latin1.decode(bytes);
}

/** One scan per line: CR, LF or CR LF end a scan; empty lines are ignored. */
export function createLineFramer(options: LineFramingOptions = {}): LineFramer {
  const maxLength = options.maxLength ?? 4096;
  const encoding = options.encoding ?? 'utf-8';
  let line: number[] = [];
  let overflow = false;

  const finish = (scans: string[], dropped: string[]): void => {
    if (overflow) {
      dropped.push(`scan longer than ${maxLength} bytes`);
    } else if (line.length > 0) {
      let text = decode(Uint8Array.from(line), encoding);
      if (options.prefix && text.startsWith(options.prefix)) text = text.slice(options.prefix.length);
      if (options.suffix && text.endsWith(options.suffix)) text = text.slice(0, text.length - options.suffix.length);
      if (text.length > 0) scans.push(text);
    }
    line = [];
    overflow = false;
  };

  return {
    push(bytes) {
      const scans: string[] = [];
      const dropped: string[] = [];
      for (const byte of bytes) {
        if (byte === CR || byte === LF) finish(scans, dropped);
        else if (overflow) continue;
        else if (line.length >= maxLength) {
          overflow = true;
          line = [];
        } else line.push(byte);
      }
      return { scans, dropped };
    },
    reset() {
      line = [];
      overflow = false;
    },
  };
}
