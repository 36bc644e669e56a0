import { CircleCheck, type LucideIcon, MessageCircleQuestion, OctagonX, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanOutcome } from '../../../shared/contract/station';
import type { EventPayload } from '../../../shared/events';
import { useEvent } from '../api/station-context';
import { useMessage } from '../i18n/messages';
import { play } from './sounds';
import { GS } from './wedge';
import './a11y.css';

type ScanResult = EventPayload<'scan.result'>;

const icons: Record<ScanOutcome, LucideIcon> = {
  accepted: CircleCheck,
  warning: TriangleAlert,
  refused: OctagonX,
  needs_input: MessageCircleQuestion,
};

/**
 * The answer to one scan: colour, icon and words from the outcome the core decided (never from the text), and the
 * message in the operator's language. The live region stays the same element, so screen readers announce it.
 */
export function FeedbackView({ result }: { result: ScanResult | null }) {
  const { t } = useTranslation();
  const say = useMessage();
  const outcome = result?.outcome;
  const Icon = outcome ? icons[outcome] : null;
  return (
    <div
      className={`feedback feedback--${outcome ?? 'idle'}`}
      data-testid="scan-feedback"
      data-outcome={outcome}
      data-reason={result ? (result.reason ?? '') : undefined}
      data-code={result?.message.code}
      role="status"
      aria-live="assertive"
      aria-atomic="true"
      aria-label={t('scan.result')}
    >
      {result && outcome && Icon && (
        <>
          <Icon className="feedback__icon" aria-hidden="true" size={44} />
          <span className="feedback__outcome">{t(`scan.outcome.${outcome}`)}</span>
          <span className="feedback__message">{say(result.message)}</span>
          <span className="feedback__data">{result.data.replaceAll(GS, '⟨GS⟩')}</span>
        </>
      )}
    </div>
  );
}

/** The answer to the last scan the core reported, with its sound. */
export function FeedbackBanner() {
  const [last, setLast] = useState<ScanResult | null>(null);
  useEvent('scan.result', (result) => {
    setLast(result);
    play(result.sound);
  });
  return <FeedbackView result={last} />;
}
