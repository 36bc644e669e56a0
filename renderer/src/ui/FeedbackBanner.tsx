import { useState } from 'react';
import type { EventPayload } from '../../../shared/events';
import { useEvent } from '../api/station-context';
import { play } from './sounds';

type ScanResult = EventPayload<'scan.result'>;

const icons = { accepted: '✔', rejected: '✖', info: 'ℹ' } as const;

/** Big answer to the last scan: colour, icon and sound, so no one signal carries the meaning alone. */
export function FeedbackBanner() {
  const [last, setLast] = useState<ScanResult | null>(null);
  useEvent('scan.result', (result) => {
    setLast(result);
    play(result.sound);
  });
  if (!last) return <div className="feedback feedback--idle" data-testid="scan-feedback" aria-live="polite" />;
  return (
    <div className={`feedback feedback--${last.decision}`} data-testid="scan-feedback" data-decision={last.decision} data-reason={last.reason ?? ''} role={last.decision === 'rejected' ? 'alert' : 'status'} aria-live="assertive">
      <span className="feedback__icon" aria-hidden="true">{icons[last.decision]}</span>
      <span className="feedback__message">{last.message}</span>
      <span className="feedback__data">{last.data.replace(/\u001d/g, '⟨GS⟩')}</span>
    </div>
  );
}
