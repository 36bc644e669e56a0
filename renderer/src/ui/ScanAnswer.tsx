import { OctagonX } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanState } from '../api/scan-loop';
import { FeedbackView } from './FeedbackBanner';
import { play } from './sounds';
import { GS } from './wedge';

/**
 * The answer to the latest scan, and only to it, with its sound. Each scan mounts a fresh banner (so a repeat
 * re-flashes and an old answer never stands in for a new one); a scan the core did not take is a loud red
 * "scan again"; an answer that another action has overtaken is dimmed.
 */
export function ScanAnswer({ state }: { state: ScanState }) {
  const { t } = useTranslation();
  const scanId = state.kind === 'idle' ? null : state.scanId;
  const sound = state.kind === 'notTaken' ? 'bad' : state.kind === 'answered' ? state.feedback.sound : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each scan's answer sounds once, when it comes
  useEffect(() => {
    if (sound) play(sound);
  }, [sound, scanId]);

  return (
    <div
      className={`scan-answer${state.kind !== 'idle' && state.stale ? ' scan-answer--stale' : ''}`}
      data-testid="scan-answer"
      data-state={state.kind}
      data-scan-id={scanId ?? undefined}
      data-repeat={state.kind === 'idle' ? undefined : state.repeat}
      data-stale={state.kind === 'idle' ? undefined : String(state.stale)}
    >
      {state.kind === 'notTaken' ? (
        <div
          key={`not-taken-${state.scanId}`}
          className="feedback feedback--refused"
          data-testid="scan-not-taken"
          data-reason={state.reason}
          role="alert"
        >
          <OctagonX className="feedback__icon" aria-hidden="true" size={44} />
          <span className="feedback__message">
            <strong>{t('scanLoop.notTaken')}</strong> <span className="scan-answer__why">{t(`scanLoop.${state.reason}`)}</span>
          </span>
          <span className="feedback__data">{state.data.replaceAll(GS, '⟨GS⟩')}</span>
        </div>
      ) : (
        <FeedbackView key={scanId ?? 'idle'} result={state.kind === 'answered' ? { ...state.feedback, data: state.data } : null} />
      )}
      {state.kind !== 'idle' && state.repeat > 1 && (
        // Its own key: a sibling with the answer's key would make React keep a stale answer beside the new one.
        <span key={`${state.scanId}-repeat`} className="scan-answer__repeat" data-testid="scan-repeat">
          {t('scanLoop.repeat', { count: state.repeat })}
        </span>
      )}
    </div>
  );
}
