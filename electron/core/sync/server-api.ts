import { z } from 'zod';
import {
  ErrorBody,
  type NumberKind,
  NumberLease,
  type Op,
  PullResponse,
  PushResponse,
  parseSnapshotFrame,
  type SnapshotFrame,
  type SnapshotQuery,
} from '../../../shared/sync-protocol';

export type FetchLike = typeof fetch;

const ResolvedAnswer = z.object({ opId: z.string(), resolvedAt: z.string() });

/** An answer from the server that is not a success. `retryable`: worth trying again later as is. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface ServerApiOptions {
  serverUrl: string;
  credential: string;
  fetch?: FetchLike;
  requestTimeoutMs?: number;
}

/**
 * Whether the server runs on this machine (the embedded server, a test): the snapshot then comes uncompressed,
 * since gzip on both ends of a loopback connection costs about three times the transfer it saves.
 */
export function isLoopbackServer(serverUrl: string): boolean {
  try {
    const host = new URL(serverUrl).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** The station's typed calls to the server; every answer is checked with the protocol's schemas. */
export function createServerApi(options: ServerApiOptions) {
  const base = options.serverUrl.replace(/\/+$/, '');
  const snapshotEncoding = isLoopbackServer(base) ? 'identity' : 'gzip';
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const auth = { authorization: `Bearer ${options.credential}` };

  async function request<T>(path: string, init: RequestInit, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      throw new SyncHttpError(
        0,
        'unreachable',
        `server ${base} not reachable: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      );
    }
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(body);
      throw new SyncHttpError(
        response.status,
        parsed.success ? parsed.data.error.code : 'http_error',
        parsed.success ? parsed.data.error.message : `HTTP ${response.status} from ${path}`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new SyncHttpError(502, 'bad_response', `the server's answer to ${path} does not match the protocol: ${parsed.error.message}`);
    return parsed.data;
  }

  return {
    push(ops: Op[], signal?: AbortSignal) {
      return request(
        '/sync/v1/push',
        { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ ops }) },
        PushResponse,
        signal,
      );
    },
    pull(cursor: number, limit: number, epoch: string | undefined, signal?: AbortSignal) {
      const query = new URLSearchParams({ cursor: String(cursor), limit: String(limit), ...(epoch ? { epoch } : {}) });
      return request(`/sync/v1/pull?${query}`, { method: 'GET', headers: auth }, PullResponse, signal);
    },
    resolveException(opId: string, resolvedBy: string, note: string, signal?: AbortSignal) {
      return request(
        `/sync/v1/exceptions/${encodeURIComponent(opId)}/resolve`,
        { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ resolvedBy, note }) },
        ResolvedAnswer,
        signal,
      );
    },
    /** Leases the next block of numbers of a kind (SSCC serial references, LPN or manifest numbers). */
    leaseNumbers(kind: NumberKind, count?: number, signal?: AbortSignal) {
      return request(
        '/sync/v1/number-leases',
        {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ kind, ...(count ? { count } : {}) }),
        },
        NumberLease,
        signal,
      );
    },
    /**
     * Streams the site's snapshot (gzip unless the server is on this machine) and yields its frames, each checked
     * against the protocol. The stream has no overall timeout (a large site takes a while); a stall of `timeoutMs`
     * between two chunks fails it.
     */
    async *snapshot(query: Partial<SnapshotQuery>, signal?: AbortSignal): AsyncGenerator<SnapshotFrame> {
      const params = new URLSearchParams(
        Object.entries(query).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])),
      );
      const stall = new AbortController();
      let stallTimer = setTimeout(() => stall.abort(new Error(`no data for ${timeoutMs} ms`)), timeoutMs);
      const rearm = () => {
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => stall.abort(new Error(`no data for ${timeoutMs} ms`)), timeoutMs);
      };
      let response: Response;
      try {
        response = await doFetch(`${base}/sync/v1/snapshot?${params}`, {
          headers: { ...auth, 'accept-encoding': snapshotEncoding },
          signal: AbortSignal.any([stall.signal, ...(signal ? [signal] : [])]),
        });
      } catch (error) {
        clearTimeout(stallTimer);
        throw new SyncHttpError(
          0,
          'unreachable',
          `snapshot: server ${base} not reachable: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      try {
        if (!response.ok || !response.body) {
          const parsed = ErrorBody.safeParse(await response.json().catch(() => undefined));
          throw new SyncHttpError(
            response.status,
            parsed.success ? parsed.data.error.code : 'http_error',
            parsed.success ? parsed.data.error.message : `snapshot: HTTP ${response.status}`,
          );
        }
        const decoder = new TextDecoder();
        // A frame spans many chunks: chunks are kept until one holds a newline, so each byte is searched once.
        let parts: string[] = [];
        const frame = (line: string): SnapshotFrame => {
          const parsed = parseSnapshotFrame(JSON.parse(line));
          if (!parsed.success)
            throw new SyncHttpError(502, 'bad_response', `a snapshot frame does not match the protocol: ${parsed.error.message}`);
          return parsed.data;
        };
        try {
          for await (const chunk of response.body) {
            rearm();
            let text = decoder.decode(chunk, { stream: true });
            let newline = text.indexOf('\n');
            while (newline >= 0) {
              parts.push(text.slice(0, newline));
              const line = parts.join('');
              parts = [];
              if (line.trim()) yield frame(line);
              text = text.slice(newline + 1);
              newline = text.indexOf('\n');
            }
            if (text) parts.push(text);
          }
        } catch (error) {
          if (error instanceof SyncHttpError) throw error;
          throw new SyncHttpError(0, 'unreachable', `snapshot cut: ${error instanceof Error ? error.message : String(error)}`);
        }
        const buffered = parts.join('');
        if (buffered.trim()) yield frame(buffered);
      } finally {
        clearTimeout(stallTimer);
      }
    },
    /** Opens the SSE live channel; the caller reads the body. No timeout: it stays open. */
    async openLive(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
      let response: Response;
      try {
        response = await doFetch(`${base}/sync/v1/live`, { headers: { ...auth, accept: 'text/event-stream' }, signal });
      } catch (error) {
        throw new SyncHttpError(0, 'unreachable', `live channel: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!response.ok || !response.body) {
        const parsed = ErrorBody.safeParse(await response.json().catch(() => undefined));
        throw new SyncHttpError(
          response.status,
          parsed.success ? parsed.data.error.code : 'http_error',
          parsed.success ? parsed.data.error.message : `live channel: HTTP ${response.status}`,
        );
      }
      return response.body;
    },
  };
}

export type ServerApi = ReturnType<typeof createServerApi>;
