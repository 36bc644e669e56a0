import type { EventPayload } from '../../../../shared/events';
import type { TestStation } from '../../../support/station-fixture';

type Answer = EventPayload<'scan.result'>;

export interface Answers {
  all: Answer[];
  /** The answers the station gave on its own (no scan caused them): the hands-free loop's steps. */
  automatic(): Answer[];
  /** Waits until the station answers on its own with a code in `codes` (the loop's last step), and returns it. */
  nextAutomatic(codes: readonly string[], timeoutMs?: number): Promise<Answer>;
}

/** Every answer the station pushes to its own connection, scans' and automatic ones. */
export function collectAnswers(t: TestStation): Answers {
  const all: Answer[] = [];
  let seen = 0;
  t.station.subscribe((event, payload) => {
    if (event === 'scan.result') all.push(payload as Answer);
  });
  const automatic = () => all.filter((a) => a.data === '');
  return {
    all,
    automatic,
    async nextAutomatic(codes, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = automatic()
          .slice(seen)
          .findIndex((a) => codes.includes(a.message.code));
        if (found >= 0) {
          const answer = automatic()[seen + found];
          seen += found + 1;
          if (answer) return answer;
        }
        if (Date.now() > deadline)
          throw new Error(
            `no automatic answer ${codes.join('|')} (got ${automatic()
              .map((a) => a.message.code)
              .join(', ')})`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
