import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionSetting } from '../../../../shared/domain/receiving';
import { CameraCapture, type CapturedPhoto } from '../../ui/CameraCapture';
import { SiteReasonChips } from '../../ui/ReasonChips';
import type { Run } from './useRun';

const conditions = ['good', 'damaged', 'quarantine'] as const;

export function ConditionPicker({ next, run }: { next: ConditionSetting; run: Run }) {
  const { t } = useTranslation();
  const [condition, setCondition] = useState<(typeof conditions)[number]>('damaged');
  const [reason, setReason] = useState('');
  // A new round after each change starts the reason chips afresh.
  const [round, setRound] = useState(0);
  // Taken with the station's camera (or left out); kept with the receipt and synced once the condition is set.
  const [photo, setPhoto] = useState<CapturedPhoto | null>(null);
  return (
    <section className={`card receiving__condition receiving__condition--${next.condition}`} aria-label={t('receiving.condition.title')}>
      <h2>{t('receiving.condition.title')}</h2>
      <p data-testid="next-condition" data-condition={next.condition}>
        {t('receiving.condition.next', { condition: t(`receiving.condition.${next.condition}`) })}
        {next.reason ? ` — ${next.reason}` : ''}
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run('receiving.setCondition', {
            condition,
            ...(condition !== 'good' && reason ? { reason } : {}),
          }).then(async (r) => {
            if (!r) return;
            if (condition !== 'good' && photo) await run('inspection.receiptPhoto', { condition, ...(reason ? { reason } : {}), photo });
            setReason('');
            setPhoto(null);
            setRound((n) => n + 1);
          });
        }}
      >
        <div role="radiogroup" aria-label={t('receiving.condition.title')} className="row">
          {conditions.map((c) => (
            <label key={c} className="receiving__radio">
              <input type="radio" name="condition" value={c} checked={condition === c} onChange={() => setCondition(c)} />{' '}
              {t(`receiving.condition.${c}`)}
            </label>
          ))}
        </div>
        {condition !== 'good' && (
          <SiteReasonChips
            key={round}
            kind="damaged"
            label={t('receiving.condition.reason')}
            testId="condition-reason"
            onChange={setReason}
          />
        )}
        {condition !== 'good' && <CameraCapture key={`camera-${round}`} onChange={setPhoto} testId="condition-camera" />}
        <button type="submit">{t('receiving.condition.set')}</button>
      </form>
    </section>
  );
}
