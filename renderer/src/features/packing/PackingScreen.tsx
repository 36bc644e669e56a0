import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../../shared/domain/master-data';
import type { PackState } from '../../../../shared/domain/packing';
import type { Message } from '../../../../shared/messages';
import { useClient, useCommand, useEvent } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';
import { LiveWeight } from '../../ui/LiveWeight';
import { play } from '../../ui/sounds';
import { ActionButton, TaskLayout } from '../../ui/TaskLayout';
import { CartonPanel } from './CartonPanel';
import { ExceptionsPanel } from './ExceptionsPanel';
import { HandsFreeStatus } from './HandsFreeStatus';
import { KpiPanel } from './KpiPanel';
import { LinesTable } from './LinesTable';
import { ManifestsPanel } from './ManifestsPanel';
import { type RunPack, usePackActions } from './usePackActions';
import './packing.css';
import { PutDownButton } from './PutDown';

/** The pack bench: open an order by scan, verify every unit by scan, every carton by weight, label, close. */
export function PackingScreen(_props: { operator: Operator }) {
  const { t } = useTranslation();
  const say = useMessage();
  const loaded = useCommand('packing.state', {}, ['workflow.changed', 'scan.result', 'sync.state']);
  const [state, setState] = useState<PackState | undefined>(undefined);
  const [stopAlert, setStopAlert] = useState<Message | null>(null);
  useEffect(() => {
    if (loaded.value) setState(loaded.value);
  }, [loaded.value]);
  useEvent('alert', (a) => {
    if (a.level !== 'stop' || (a.workflow && a.workflow !== 'packing')) return;
    setStopAlert(a.message);
    play('bad');
  });
  // A command's notice stays until the next scan or command; state re-reads after events do not wipe it.
  const [notice, setNotice] = useState<Message | null>(null);
  useEvent('scan.result', () => setNotice(null));
  const onState = useCallback((s: PackState) => {
    setState(s);
    setNotice(s.notice);
  }, []);
  const { run, error, busy } = usePackActions(onState);
  const s = state;
  const stopMessage = s?.stop?.message ?? stopAlert;
  const shownError = error ?? loaded.error;
  const tone = !s ? 'info' : stepTones[s.step];

  return (
    <TaskLayout
      titleId="packing-title"
      className="packing"
      data={{ 'data-step': s?.step ?? '' }}
      context={
        <>
          {t('packing.title')}
          {s?.order ? ` — ${s.order.number}` : ''}
        </>
      }
      step={
        s ? (
          <span className={`pack-step pack-step--${s.step}`} data-testid="pack-step" data-step={s.step} aria-live="polite">
            {t(`packing.step.${s.step}`, { item: s.awaitingSerial?.description ?? '' })}
          </span>
        ) : (
          t('packing.title')
        )
      }
      stepTone={tone}
      actions={s?.order ? <PackActions state={s} run={run} busy={busy} /> : undefined}
      alerts={
        stopMessage || shownError || (notice && !error) ? (
          <>
            {stopMessage && s?.order && (
              <div className="banner-stop" role="alert" data-testid="pack-stop">
                {say(stopMessage)}
              </div>
            )}
            {shownError && (
              <p className="form-error" role="alert" data-testid="pack-error">
                {shownError}
              </p>
            )}
            {notice && !error && (
              <p className="pack-notice" role="status" data-testid="pack-notice">
                {say(notice)}
              </p>
            )}
          </>
        ) : undefined
      }
      side={
        s?.order ? (
          <>
            <LiveWeight scaleRole="pack-scale" />
            <HandsFreeStatus state={s} />
            <CartonPanel state={s} run={run} busy={busy} />
            <ClosedCartons state={s} />
            <div className="row">
              <SlipButton />
            </div>
          </>
        ) : undefined
      }
    >
      {s && !s.order && (
        <>
          <OpenOrder onOpen={(code) => run('packing.open', { code })} busy={busy} />
          <HandsFreeStatus state={s} />
          <LiveWeight scaleRole="pack-scale" />
          <div className="grid-2 pack-footer">
            <ManifestsPanel />
            <KpiPanel />
          </div>
        </>
      )}
      {s?.order && (
        <>
          <OrderCard state={s} onLeave={() => void run('packing.leave', {})} busy={busy} />
          <LinesTable state={s} run={run} />
          <ExceptionsPanel key={s.order.id} state={s} run={run} busy={busy} />
          <details className="card pack-more">
            <summary>{t('task.more')}</summary>
            <div className="grid-2 pack-footer">
              <ManifestsPanel />
              <KpiPanel />
            </div>
          </details>
        </>
      )}
    </TaskLayout>
  );
}

const stepTones: Record<PackState['step'], 'info' | 'good' | 'bad'> = {
  'scan-order': 'info',
  'scan-items': 'info',
  'scan-serial': 'info',
  weigh: 'info',
  'resolve-weight': 'bad',
  'print-label': 'info',
  'close-carton': 'good',
  'close-shipment': 'good',
  stopped: 'bad',
};

/** The step actions of the bench, each on its function key; the one the step waits for is the large one. */
function PackActions({ state, run, busy }: { state: PackState; run: RunPack; busy: boolean }) {
  const { t } = useTranslation();
  const open = state.cartons.find((c) => c.id === state.openCartonId) ?? null;
  const stopped = state.stop !== null;
  const w = open?.weight ?? null;
  const labelled = open?.label?.state === 'printed';
  const step = state.step;
  return (
    <>
      <ActionButton
        actionKey="F2"
        label={t('packing.weight.weigh')}
        testId="pack-weigh"
        next={step === 'scan-items' || step === 'scan-serial' || step === 'weigh' || step === 'resolve-weight'}
        disabled={busy || stopped || !open || open.unitCount === 0 || labelled}
        onClick={() => void run('packing.weigh', {})}
      />
      <ActionButton
        actionKey="F3"
        label={t('packing.label.print')}
        testId="pack-print-label"
        next={step === 'print-label'}
        disabled={busy || stopped || !open || !w || w.status === 'out' || labelled}
        onClick={() => void run('packing.printLabel', {})}
      />
      <ActionButton
        actionKey="F4"
        label={t('packing.close.carton')}
        testId="pack-close-carton"
        next={step === 'close-carton'}
        disabled={busy || !state.canCloseCarton}
        onClick={() => void run('packing.closeCarton', {})}
      />
      <ActionButton
        actionKey="F5"
        label={t('packing.close.shipment')}
        testId="pack-close-shipment"
        next={step === 'close-shipment'}
        disabled={busy || !state.canCloseShipment}
        onClick={() => void run('packing.closeShipment', {})}
      />
    </>
  );
}

function OpenOrder({ onOpen, busy }: { onOpen: (code: string) => Promise<boolean>; busy: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onOpen(code.trim())) setCode('');
  };
  return (
    <form className="card row" onSubmit={(e) => void submit(e)} data-testid="pack-open-form">
      <label htmlFor="pack-open-code">{t('packing.open.label')}</label>
      <input id="pack-open-code" value={code} onChange={(e) => setCode(e.target.value)} data-testid="pack-open-code" autoComplete="off" />
      <button type="submit" className="primary" disabled={busy || code.trim() === ''}>
        {t('packing.open.submit')}
      </button>
    </form>
  );
}

function OrderCard({ state, onLeave, busy }: { state: PackState; onLeave: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const o = state.order;
  if (!o) return null;
  const a = o.shipTo;
  return (
    <section className="card pack-order" aria-label={t('packing.order.title', { number: o.number })} data-testid="pack-order">
      <div className="pack-order__top">
        <h2>
          {t('packing.order.title', { number: o.number })}
          {o.tote ? ` · ${t('packing.order.tote')} ${o.tote}` : ''}
        </h2>
        {o.fragile && (
          <span className="pack-flag" data-testid="pack-fragile">
            {t('packing.order.fragile')}
          </span>
        )}
        {o.gift && (
          <span className="pack-flag" data-testid="pack-gift">
            {t('packing.order.gift')}
          </span>
        )}
        <span className="big-number pack-order__left" data-testid="pack-left">
          {t('packing.order.left', { count: state.remainingUnits })}
        </span>
        <PutDownButton state={state} busy={busy} onConfirm={onLeave} />
      </div>
      <dl className="pack-order__facts">
        <dt>{t('packing.order.shipTo')}</dt>
        <dd data-testid="pack-ship-to">
          {[a.name, a.company, a.street1, a.street2, `${a.postalCode} ${a.city}`, a.country].filter((x) => x.trim() !== '').join(', ')}
        </dd>
        <dt>{t('packing.order.carrier')}</dt>
        <dd data-testid="pack-carrier">
          {o.carrier} · {o.service}
        </dd>
        {o.notes && (
          <>
            <dt>{t('packing.order.notes')}</dt>
            <dd data-testid="pack-notes">{o.notes}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function SlipButton() {
  const { t } = useTranslation();
  const client = useClient();
  const say = useMessage();
  const [result, setResult] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void client
            .attempt('packing.printSlip', {})
            .then((r) => setResult(r.ok ? `${r.value.description}: ${t(`code.printState.${r.value.state}`)}` : say(r.error.message)))
        }
        data-testid="pack-slip"
      >
        {t('packing.label.slip')}
      </button>
      {result && <span className="muted">{result}</span>}
    </>
  );
}

function ClosedCartons({ state }: { state: PackState }) {
  const { t } = useTranslation();
  const closed = state.cartons.filter((c) => c.state === 'closed');
  if (closed.length === 0) return null;
  return (
    <section className="card" aria-label={t('packing.carton.closed')}>
      <h2>{t('packing.carton.closed')}</h2>
      <ul className="list" data-testid="pack-closed-cartons">
        {closed.map((c) => (
          <li key={c.id}>
            {t('packing.carton.title', { seq: c.seq })} · {c.cartonType} · {c.unitCount} · {c.sscc} · {c.label?.tracking ?? ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
