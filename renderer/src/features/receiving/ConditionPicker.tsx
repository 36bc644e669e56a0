import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionSetting } from '../../../../shared/domain/receiving';
import { SiteReasonChips } from '../../ui/ReasonChips';
import type { Run } from './useRun';

const conditions = ['good', 'damaged', 'quarantine'] as const;

export function ConditionPicker({ next, run }: { next: ConditionSetting; run: Run }) {
  const { t } = useTranslation();
  const [condition, setCondition] = useState<(typeof conditions)[number]>('damaged');
  const [reason, setReason] = useState('');
  // A new round after each change starts the reason chips afresh.
  const [round, setRound] = useState(0);
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
          }).then((r) => {
            if (r) {
              setReason('');
              setRound((n) => n + 1);
            }
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
        <button type="submit">{t('receiving.condition.set')}</button>
      </form>
    </section>
  );
}
