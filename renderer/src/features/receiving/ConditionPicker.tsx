import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionSetting } from '../../../../shared/domain/receiving';
import type { Run } from './useRun';

const conditions = ['good', 'damaged', 'quarantine'] as const;

export function ConditionPicker({ next, run }: { next: ConditionSetting; run: Run }) {
  const { t } = useTranslation();
  const [condition, setCondition] = useState<(typeof conditions)[number]>('damaged');
  const [reason, setReason] = useState('');
  const [photo, setPhoto] = useState('');
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
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(photo.trim() ? { photoPath: photo.trim() } : {}),
          }).then((r) => {
            if (r) {
              setReason('');
              setPhoto('');
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
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('receiving.condition.reason')}
          placeholder={t('receiving.condition.reason')}
          maxLength={200}
        />
        <input
          value={photo}
          onChange={(e) => setPhoto(e.target.value)}
          aria-label={t('receiving.condition.photo')}
          placeholder={t('receiving.condition.photo')}
          maxLength={500}
        />
        <button type="submit">{t('receiving.condition.set')}</button>
      </form>
    </section>
  );
}
