import { ArrowRight, Scale } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LpnView, PrintOutcome, PutawayPlan } from '../../../../shared/domain/receiving';
import type { EventPayload } from '../../../../shared/events';
import { useEvent } from '../../api/station-context';
import type { Run } from './useRun';

const kg = (n: number | null) => (n === null ? '—' : `${n.toFixed(3)} kg`);
const signedKg = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(3)} kg`;

function Plate({ lpn, run }: { lpn: LpnView; run: Run }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<PutawayPlan | null>(null);
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const [reprintReason, setReprintReason] = useState('');
  const print = (label: 'sscc' | 'lpn') =>
    void run('receiving.lpn.print', {
      lpn: lpn.lpn,
      label,
      ...(lpn.labelsPrinted > 0 && reprintReason.trim() ? { reprintReason: reprintReason.trim() } : {}),
    }).then((r) => r && setPrinted(r));
  const open = lpn.location === null;
  return (
    <li className={`receiving__lpn${lpn.current ? ' receiving__lpn--current' : ''}`} data-testid={`lpn-${lpn.lpn}`}>
      <div className="row">
        <strong className="receiving__lpn-id">{lpn.lpn}</strong>
        <span className="muted">
          {lpn.container} · {lpn.kind}
          {lpn.current ? ` · ${t('receiving.lpn.current')}` : ''}
        </span>
        {lpn.location && (
          <span className="receiving__badge" data-testid="lpn-location">
            <ArrowRight aria-hidden="true" size={16} /> {lpn.location}
          </span>
        )}
      </div>
      <dl className="facts">
        <dt>{t('receiving.lpn.contents')}</dt>
        <dd>
          {lpn.items.map((i) => `${i.qty} × ${i.sku}${i.lot ? ` (${i.lot})` : ''}${i.onHold ? ' ⛔' : ''}`).join(', ') || '—'} ·{' '}
          {kg(lpn.contentsKg)}
        </dd>
        <dt>{t('receiving.lpn.weight')}</dt>
        <dd data-testid="lpn-weight">{kg(lpn.weightKg)}</dd>
        {lpn.asnWeightKg !== null && (
          <>
            <dt>{t('receiving.asnWeight')}</dt>
            <dd>{kg(lpn.asnWeightKg)}</dd>
          </>
        )}
        {lpn.weightDiffKg !== null && (
          <>
            <dt>{t('receiving.lpn.diff')}</dt>
            <dd data-testid="lpn-weight-diff" className={Math.abs(lpn.weightDiffKg) > 0.5 ? 'receiving__diff--big' : ''}>
              {signedKg(lpn.weightDiffKg)}
            </dd>
          </>
        )}
      </dl>
      {open && (
        <div className="row">
          <button type="button" data-testid="lpn-weigh" onClick={() => void run('receiving.lpn.weigh', { lpn: lpn.lpn })}>
            <Scale aria-hidden="true" size={18} /> {t('receiving.lpn.weigh')}
          </button>
          {lpn.sscc && (
            <button type="button" data-testid="lpn-print-sscc" onClick={() => print('sscc')}>
              {t('receiving.lpn.printSscc')}
            </button>
          )}
          <button type="button" data-testid="lpn-print-lpn" onClick={() => print('lpn')}>
            {t('receiving.lpn.printLpn')}
          </button>
          {lpn.labelsPrinted > 0 && (
            <input
              value={reprintReason}
              onChange={(e) => setReprintReason(e.target.value)}
              aria-label={t('receiving.lpn.reprintReason')}
              placeholder={t('receiving.lpn.reprintReason')}
              maxLength={200}
            />
          )}
          <button
            type="button"
            data-testid="lpn-suggest"
            onClick={() => void run('receiving.lpn.suggest', { lpn: lpn.lpn }).then((p) => p && setPlan(p))}
          >
            {t('receiving.lpn.suggest')}
          </button>
        </div>
      )}
      {printed && (
        <p data-testid="lpn-print-state" data-state={printed.state}>
          {t('receiving.lpn.printed', { state: printed.state })}
          {printed.error ? ` — ${printed.error}` : ''}
        </p>
      )}
      {open && plan && (
        <ol className="receiving__suggestions" data-testid="putaway-suggestions">
          {plan.suggestions.map((s) => (
            <li key={s.location}>
              <strong>{s.location}</strong> <span className="muted">{s.reasons.join(' · ')}</span>
              <button
                type="button"
                data-testid={`putaway-${s.location}`}
                onClick={() => void run('receiving.lpn.putaway', { lpn: lpn.lpn, location: s.location }).then((r) => r && setPlan(null))}
              >
                {t('receiving.lpn.putaway')}
              </button>
            </li>
          ))}
          {plan.suggestions.length === 0 && (
            <li className="receiving__warn" data-testid="putaway-none">
              {t('receiving.lpn.noSuggestion')}
            </li>
          )}
          {plan.excluded.length > 0 && (
            <li className="muted">
              {t('receiving.lpn.excluded')}: {plan.excluded.map((e) => `${e.location} (${e.reason})`).join(', ')}
            </li>
          )}
        </ol>
      )}
    </li>
  );
}

/** What the receiving scale shows right now, so the receiver weighs once the load has settled. */
function LiveWeight() {
  const { t } = useTranslation();
  const [reading, setReading] = useState<EventPayload<'scale.reading'> | null>(null);
  useEvent('scale.reading', (r) => {
    if (r.role === 'receiving-scale') setReading(r);
  });
  if (!reading) return null;
  return (
    <p className="receiving__live-weight" data-testid="live-weight" data-stable={reading.stable} aria-live="off">
      {t('receiving.lpn.scale')}:{' '}
      <strong>
        {reading.value.toFixed(3)} {reading.unit}
      </strong>{' '}
      {reading.stable ? '' : '~'}
    </p>
  );
}

export function LpnPanel({ lpns, run }: { lpns: LpnView[]; run: Run }) {
  const { t } = useTranslation();
  return (
    <section className="card receiving__lpns" aria-label={t('receiving.lpn.title')}>
      <h2>{t('receiving.lpn.title')}</h2>
      <LiveWeight />
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="lpn-new-pallet"
          onClick={() => void run('receiving.lpn.start', { container: 'pallet', label: 'sscc' })}
        >
          {t('receiving.lpn.newPallet')}
        </button>
        <button
          type="button"
          data-testid="lpn-new-tote"
          onClick={() => void run('receiving.lpn.start', { container: 'tote', label: 'internal' })}
        >
          {t('receiving.lpn.newTote')}
        </button>
      </div>
      {lpns.length === 0 ? (
        <p className="muted">{t('receiving.lpn.none')}</p>
      ) : (
        <ul className="list receiving__lpn-list">
          {lpns.map((l) => (
            <Plate key={l.lpn} lpn={l} run={run} />
          ))}
        </ul>
      )}
    </section>
  );
}
