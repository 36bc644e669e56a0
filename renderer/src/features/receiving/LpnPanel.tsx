import { ArrowRight, Scale } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LpnView, type PrintOutcome, type PutawayPlan, QUARANTINE_ZONE } from '../../../../shared/domain/receiving';
import { LiveWeight } from '../../ui/LiveWeight';
import { ActionButton } from '../../ui/TaskLayout';
import { QuarantinePutaway } from './QuarantinePutaway';
import type { Run } from './useRun';

const kg = (n: number | null) => (n === null ? '—' : `${n.toFixed(3)} kg`);
const signedKg = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(3)} kg`;

function Plate({ lpn, run }: { lpn: LpnView; run: Run }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<PutawayPlan | null>(null);
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const [reprintReason, setReprintReason] = useState('');
  // A quarantine location holds the whole plate: confirmed and approved by a supervisor's badge before the putaway.
  const [quarantineTo, setQuarantineTo] = useState<string | null>(null);
  const putAway = (location: string, zone: string) => {
    if (zone === QUARANTINE_ZONE) setQuarantineTo(location);
    else
      void run('receiving.lpn.putaway', { lpn: lpn.lpn, location }, (error) => {
        // The core asks for a supervisor where the plan did not say quarantine: the same confirm and badge.
        const needsBadge = error.message.code === 'receiving.quarantineNeedsSupervisor';
        if (needsBadge) setQuarantineTo(location);
        return needsBadge;
      }).then((r) => r && setPlan(null));
  };
  const print = (label: 'sscc' | 'lpn') =>
    void run('receiving.lpn.print', {
      lpn: lpn.lpn,
      label,
      ...(lpn.labelsPrinted > 0 && reprintReason.trim() ? { reprintReason: reprintReason.trim() } : {}),
    }).then((r) => r && setPrinted(r));
  const open = lpn.location === null;
  // The current plate's actions are on the function keys.
  const keys = lpn.current && open;
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
          <ActionButton
            actionKey={keys ? 'F2' : undefined}
            testId="lpn-weigh"
            icon={<Scale aria-hidden="true" size={18} />}
            label={t('receiving.lpn.weigh')}
            onClick={() => void run('receiving.lpn.weigh', { lpn: lpn.lpn })}
          />
          {lpn.sscc && (
            <ActionButton
              actionKey={keys ? 'F3' : undefined}
              testId="lpn-print-sscc"
              label={t('receiving.lpn.printSscc')}
              onClick={() => print('sscc')}
            />
          )}
          <ActionButton
            actionKey={keys && !lpn.sscc ? 'F3' : undefined}
            testId="lpn-print-lpn"
            label={t('receiving.lpn.printLpn')}
            onClick={() => print('lpn')}
          />
          {lpn.labelsPrinted > 0 && (
            <label className="line-card__field">
              {t('receiving.lpn.reprintReason')}
              <input value={reprintReason} onChange={(e) => setReprintReason(e.target.value)} maxLength={200} />
            </label>
          )}
          <ActionButton
            actionKey={keys ? 'F4' : undefined}
            testId="lpn-suggest"
            label={t('receiving.lpn.suggest')}
            onClick={() => void run('receiving.lpn.suggest', { lpn: lpn.lpn }).then((p) => p && setPlan(p))}
          />
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
          {plan.suggestions.map((s, i) => (
            <li key={s.location}>
              <strong>{s.location}</strong> <span className="muted">{s.reasons.join(' · ')}</span>
              <ActionButton
                actionKey={keys && i === 0 ? 'F5' : undefined}
                testId={`putaway-${s.location}`}
                label={t('receiving.lpn.putaway')}
                onClick={() => putAway(s.location, s.zone)}
              />
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
      {open && quarantineTo !== null && (
        <QuarantinePutaway
          plate={lpn}
          location={quarantineTo}
          run={run}
          onDone={(putAway) => {
            setQuarantineTo(null);
            if (putAway) setPlan(null);
          }}
        />
      )}
    </li>
  );
}

export function LpnPanel({ lpns, run }: { lpns: LpnView[]; run: Run }) {
  const { t } = useTranslation();
  return (
    <section className="card receiving__lpns" aria-label={t('receiving.lpn.title')}>
      <h2>{t('receiving.lpn.title')}</h2>
      <LiveWeight scaleRole="receiving-scale" />
      <div className="row">
        <ActionButton
          actionKey="F6"
          testId="lpn-new-pallet"
          label={t('receiving.lpn.newPallet')}
          onClick={() => void run('receiving.lpn.start', { container: 'pallet', label: 'sscc' })}
        />
        <ActionButton
          actionKey="F7"
          testId="lpn-new-tote"
          label={t('receiving.lpn.newTote')}
          onClick={() => void run('receiving.lpn.start', { container: 'tote', label: 'internal' })}
        />
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
