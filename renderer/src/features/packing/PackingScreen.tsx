import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../../shared/domain/master-data';
import type { PackState } from '../../../../shared/domain/packing';
import type { Message } from '../../../../shared/messages';
import { useClient, useCommand, useEvent } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';
import { play } from '../../ui/sounds';
import { CartonPanel } from './CartonPanel';
import { ExceptionsPanel } from './ExceptionsPanel';
import { HandsFreeStatus } from './HandsFreeStatus';
import { KpiPanel } from './KpiPanel';
import { LinesTable } from './LinesTable';
import { ManifestsPanel } from './ManifestsPanel';
import { usePackActions } from './usePackActions';
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

  return (
    <main className="screen packing" aria-labelledby="packing-title" data-step={s?.step ?? ''}>
      <h1 id="packing-title">
        {t('packing.title')}
        {s?.order ? ` — ${s.order.number}` : ''}
      </h1>
      {stopMessage && s?.order && (
        <div className="banner-stop" role="alert" data-testid="pack-stop">
          {say(stopMessage)}
        </div>
      )}
      {s && (
        <p className={`pack-step pack-step--${s.step}`} data-testid="pack-step" data-step={s.step} aria-live="polite">
          {t(`packing.step.${s.step}`, { item: s.awaitingSerial?.description ?? '' })}
        </p>
      )}
      {(error ?? loaded.error) && (
        <p className="form-error" role="alert" data-testid="pack-error">
          {error ?? loaded.error}
        </p>
      )}
      {notice && !error && (
        <p className="pack-notice" role="status" data-testid="pack-notice">
          {say(notice)}
        </p>
      )}
      {s && <HandsFreeStatus state={s} />}
      {s && !s.order && <OpenOrder onOpen={(code) => run('packing.open', { code })} busy={busy} />}
      {s?.order && (
        <div className="pack-grid">
          <div>
            <OrderCard state={s} onLeave={() => void run('packing.leave', {})} busy={busy} />
            <LinesTable state={s} run={run} />
            <ExceptionsPanel key={s.order.id} state={s} run={run} busy={busy} />
          </div>
          <div>
            <CartonPanel state={s} run={run} busy={busy} />
            <div className="row">
              <button
                type="button"
                className="big-button primary"
                data-testid="pack-close-shipment"
                disabled={busy || !s.canCloseShipment}
                onClick={() => void run('packing.closeShipment', {})}
              >
                {t('packing.close.shipment')}
              </button>
              <SlipButton />
            </div>
            <ClosedCartons state={s} />
          </div>
        </div>
      )}
      <div className="grid-2 pack-footer">
        <ManifestsPanel />
        <KpiPanel />
      </div>
    </main>
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
      <h2>
        {t('packing.order.title', { number: o.number })}
        {o.tote ? ` · ${t('packing.order.tote')} ${o.tote}` : ''}
      </h2>
      <div className="row">
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
        <span className="big-number" data-testid="pack-left">
          {t('packing.order.left', { count: state.remainingUnits })}
        </span>
      </div>
      <dl className="facts">
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
      <PutDownButton state={state} busy={busy} onConfirm={onLeave} />
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
