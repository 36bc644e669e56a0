import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { EventPayload } from '../../../shared/events';
import type { StationClient } from './client';
import { isReadCommand } from './client';

/** An answer slower than this is no answer: the operator is told to scan again rather than left waiting. */
export const scanAnswerTimeoutMs = 1500;

/** Why a scan was not taken, each with its own words on screen. */
export type NotTakenReason = 'offline' | 'signedOut' | 'timeout' | 'error';

interface ScanBase {
  /** Unique per scan on this page: the banner shows the answer to this scan and no other. */
  scanId: string;
  data: string;
  /** The n-th scan of the same data in a row (1 = first): repeats re-flash and count up. */
  repeat: number;
  /** Another action changed the state since this answer: it is shown dimmed, not as news. */
  stale: boolean;
}

export type ScanState =
  | { kind: 'idle' }
  | (ScanBase & { kind: 'pending' })
  | (ScanBase & { kind: 'answered'; feedback: ScanFeedback | EventPayload<'scan.result'> })
  | (ScanBase & { kind: 'notTaken'; reason: NotTakenReason });

export type ScanAnswer = { taken: true; feedback: ScanFeedback } | { taken: false; reason: NotTakenReason };

/** Sends one scan and waits at most `timeoutMs` for the core's answer. */
export async function submitScan(
  client: StationClient,
  data: string,
  scanId: string,
  timeoutMs = scanAnswerTimeoutMs,
): Promise<ScanAnswer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ScanAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ taken: false, reason: 'timeout' }), timeoutMs);
  });
  const answer = client.attempt('scan.submit', { data, scanId }).then((result): ScanAnswer => {
    if (result.ok) return { taken: true, feedback: result.value };
    if (result.error.code === 'offline') return { taken: false, reason: 'offline' };
    if (result.error.code === 'not_signed_in') return { taken: false, reason: 'signedOut' };
    return { taken: false, reason: 'error' };
  });
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let scanSerial = 0;
function nextScanId(): string {
  scanSerial += 1;
  return `${Date.now().toString(36)}-${scanSerial}`;
}

/**
 * The renderer's side of the scan loop: every scan gets an id, and the state holds the answer to the latest scan
 * only. An answer that comes back after a newer scan was made is dropped; a missing answer becomes "not taken".
 * `onNotTaken` runs when the core did not take the scan (e.g. to read the session again).
 */
export function useScanLoop(client: StationClient, onNotTaken: (reason: NotTakenReason) => void) {
  const [state, setState] = useState<ScanState>({ kind: 'idle' });
  const latest = useRef<ScanState>(state);
  latest.current = state;
  const notTaken = useRef(onNotTaken);
  notTaken.current = onNotTaken;

  const markStale = useCallback(() => setState((s) => (s.kind === 'answered' || s.kind === 'notTaken' ? { ...s, stale: true } : s)), []);
  // Any command that changes the state (Weigh, Put order down, …) makes the last scan's answer old news.
  useEffect(
    () =>
      client.onCommand((command) => {
        if (command !== 'scan.submit' && !isReadCommand(command)) markStale();
      }),
    [client, markStale],
  );

  // The core reports every scan it handled, also those of a hardware scanner: the answer to ours may come this way
  // first; one of a hardware scanner is a new scan of its own.
  useEffect(
    () =>
      client.on('scan.result', (result) => {
        setState((s) => {
          const ours = s.kind === 'pending' && (result.scanId === s.scanId || (result.scanId === undefined && result.data === s.data));
          if (ours) return { kind: 'answered', scanId: s.scanId, data: s.data, repeat: s.repeat, stale: false, feedback: result };
          if (result.scanId !== undefined || s.kind === 'pending') return s;
          // An answer the station gave on its own (no data: a step of the hands-free pack loop) is never a repeat.
          const repeat = result.data !== '' && s.kind !== 'idle' && s.data === result.data ? s.repeat + 1 : 1;
          return { kind: 'answered', scanId: nextScanId(), data: result.data, repeat, stale: false, feedback: result };
        });
      }),
    [client],
  );

  const scan = useCallback(
    (data: string) => {
      const previous = latest.current;
      const scanId = nextScanId();
      const repeat = previous.kind !== 'idle' && previous.data === data ? previous.repeat + 1 : 1;
      const answer = submitScan(client, data, scanId);
      // Queued before any answer can come (answers arrive in a later task), so the answer always finds its scan.
      const pending: ScanState = { kind: 'pending', scanId, data, repeat, stale: false };
      latest.current = pending;
      setState(pending);
      void answer.then((outcome) => {
        setState((s) => {
          if (s.kind !== 'pending' || s.scanId !== scanId) return s;
          return outcome.taken
            ? { kind: 'answered', scanId, data, repeat, stale: false, feedback: outcome.feedback }
            : { kind: 'notTaken', scanId, data, repeat, stale: false, reason: outcome.reason };
        });
        if (!outcome.taken) notTaken.current(outcome.reason);
      });
    },
    [client],
  );

  const clear = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, scan, clear, markStale };
}
