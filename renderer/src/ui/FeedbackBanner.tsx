import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/events';
import { useEvent } from '../api/station-context';
import { play } from './sounds';
import { GS } from './wedge';
import './a11y.css';

type ScanResult = EventPayload<'scan.result'>;

const icons = { accepted: '✔', rejected: '✖', info: 'ℹ' } as const;

/**
 * Big answer to the last scan: colour, icon, words and sound, so no one signal carries the meaning alone.
 * The live region stays the same element, so screen readers announce every new answer.
 */
export function FeedbackBanner() {
  const { t } = useTranslation();
  const [last, setLast] = useState<ScanResult | null>(null);
  useEvent('scan.result', (result) => {
    setLast(result);
    play(result.sound);
  });
  return (
    <div
      className={`feedback feedback--${last ? last.decision : 'idle'}`}
      data-testid="scan-feedback"
      data-decision={last?.decision}
      data-reason={last ? (last.reason ?? '') : undefined}
      role="status"
      aria-live="assertive"
      aria-atomic="true"
      aria-label={t('scan.result')}
    >
      {last && (
        <>
          <span className="feedback__icon" aria-hidden="true">
            {icons[last.decision]}
          </span>
          <span className="visually-hidden">{t(`scan.${last.decision}`)}: </span>
          <span className="feedback__message">{last.message}</span>
          <span className="feedback__data">{last.data.replaceAll(GS, '⟨GS⟩')}</span>
        </>
      )}
    </div>
  );
}
