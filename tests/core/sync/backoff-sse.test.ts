import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../electron/core/sync/backoff';
import { readSse, type SseMessage } from '../../../electron/core/sync/sse';

describe('backoff', () => {
  it('stays within [base/2, cap] however many attempts failed (hours offline cost one try per cap)', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, { baseMs: 500, capMs: 60_000 }, () => r);
        return delay >= 250 && delay <= 60_000 && Number.isFinite(delay);
      }),
    );
  });

  it('grows with the attempt count until the cap', () => {
    const top = (attempt: number) => backoffDelay(attempt, { baseMs: 100, capMs: 10_000 }, () => 0.999_999);
    expect(top(0)).toBe(100);
    expect(top(3)).toBe(800);
    expect(top(20)).toBe(10_000);
  });
});

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  await readSse(streamOf(chunks), (m) => messages.push(m));
  return messages;
}

describe('server-sent events reader', () => {
  const text = ': keep-alive\n\nevent: hello\ndata: {"type":"hello"}\n\nevent: pull\r\ndata: {"a":1}\r\ndata: {"b":2}\r\n\r\ndata: plain\n\n';
  const expected: SseMessage[] = [
    { event: 'hello', data: '{"type":"hello"}' },
    { event: 'pull', data: '{"a":1}\n{"b":2}' },
    { event: 'message', data: 'plain' },
  ];

  it('reads events, multi-line data, comments and CRLF', async () => {
    expect(await collect([text])).toEqual(expected);
  });

  it('gives the same events however the stream is cut into chunks, even inside a CRLF pair', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [...cuts].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        expect(await collect(chunks)).toEqual(expected);
      }),
    );
  });
});
