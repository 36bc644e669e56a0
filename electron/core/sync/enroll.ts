import { EnrollResponse, ErrorBody, type StationRole } from '../../../shared/sync-protocol';
import type { FetchLike } from './server-api';

export class EnrollError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

/** Trades a one-time enrollment code for this station's credential; the caller stores the credential. */
export async function enroll(
  serverUrl: string,
  code: string,
  stationName: string,
  role: StationRole,
  options: { fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<EnrollResponse> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${serverUrl.replace(/\/+$/, '')}/sync/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim(), stationName, role }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new EnrollError(
      'unreachable',
      `server ${serverUrl} not reachable: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(body);
    throw new EnrollError(
      parsed.success ? parsed.data.error.code : 'http_error',
      parsed.success ? parsed.data.error.message : `enrollment failed: HTTP ${response.status}`,
    );
  }
  const parsed = EnrollResponse.safeParse(body);
  if (!parsed.success) throw new EnrollError('bad_response', 'the server answered enrollment with something that is not a credential');
  return parsed.data;
}
