import { Scale } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/events';
import { useEvent } from '../api/station-context';
import { LIVE_READING_MAX_AGE_MS, scaleState } from './scale-state';

type Reading = EventPayload<'scale.reading'>;

/**
 * What the scale of `scaleRole` shows right now, from the device stream: the weight and whether it can be used
 * (stable, in motion, over capacity, under zero). A scale that stops reporting shows "no reading", never an old weight.
 */
export function LiveWeight({ scaleRole, testId = 'live-weight' }: { scaleRole: string; testId?: string }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState<{ value: Reading; at: number } | null>(null);
  const [stale, setStale] = useState(false);
  useEvent('scale.reading', (r) => {
    if (r.role !== scaleRole) return;
    setReading({ value: r, at: performance.now() });
    setStale(false);
  });
  useEffect(() => {
    if (!reading) return;
    const timer = window.setTimeout(() => setStale(true), LIVE_READING_MAX_AGE_MS);
    return () => window.clearTimeout(timer);
  }, [reading]);
  const state = reading && !stale ? scaleState(reading.value) : 'none';
  const r = reading?.value;
  return (
    <div
      className={`live-weight live-weight--${state}`}
      data-testid={testId}
      data-state={state}
      data-stable={r && !stale ? String(state === 'stable') : undefined}
      aria-live="off"
    >
      <Scale aria-hidden="true" size={28} />
      <span className="live-weight__label">{t('scale.live')}</span>
      <strong className="live-weight__value" data-testid={`${testId}-value`}>
        {r && !stale ? `${r.value.toFixed(3)} ${r.unit}` : '—'}
      </strong>
      <span className="live-weight__state" data-testid={`${testId}-state`}>
        {t(`scale.state.${state}`)}
      </span>
    </div>
  );
}
