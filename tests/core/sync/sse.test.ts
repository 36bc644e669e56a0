import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSse, type SseMessage } from '../../../electron/core/sync/sse';

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
  const text =
    ': keep-alive\n\nevent: hello\ndata: {"type":"hello"}\n\nevent: pull\r\ndata: {"a":1}\r\ndata: {"b":2}\r\n\r\ndata: plain\n\n';
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
