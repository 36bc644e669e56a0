import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RmaSummary } from '../../../../shared/contract/returns';
import type { Operator } from '../../../../shared/domain/master-data';
import {
  ReturnCondition,
  type ReturnDisposition,
  type ReturnsState,
  type ReturnUnitView,
  type ReturnView,
} from '../../../../shared/domain/returns';
import { useCommand } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Run, useRun } from '../receiving/useRun';
import './returns.css';

/** The step the screen shows big, about the unit the core points at. */
function NextStep({ state }: { state: ReturnsState }) {
  const { t } = useTranslation();
  const unit = state.active?.units.find((u) => u.unitId === state.focusUnitId);
  return (
    <p className={`returns-step returns-step--${state.next}`} data-testid="returns-step" data-step={state.next}>
      {t(`returns.step.${state.next}`, { sku: unit?.sku ?? '' })}
    </p>
  );
}

function FindByCustomer({ run }: { run: Run }) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState('');
  const [found, setFound] = useState<RmaSummary[] | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('returns.find', { customer }).then((r) => setFound(r));
  };
  return (
    <section className="card returns-find">
      <form className="row" onSubmit={submit}>
        <label>
          {t('returns.find.label')}
          <input value={customer} onChange={(e) => setCustomer(e.target.value)} data-testid="returns-find-customer" />
        </label>
        <button type="submit" data-testid="returns-find-submit">
          {t('returns.find.submit')}
        </button>
      </form>
      {found && found.length === 0 && <p>{t('returns.find.none')}</p>}
      {found && found.length > 0 && (
        <ul className="returns-find__list">
          {found.map((r) => (
            <li key={r.rmaId}>
              <span>
                {r.number} · {r.customer} · {r.orderId}
              </span>
              <button
                type="button"
                onClick={() => void run('returns.open', { code: r.number })}
                data-testid={`returns-find-open-${r.rmaId}`}
              >
                {t('returns.find.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Lines({ view }: { view: ReturnView }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('returns.lines.title')}</h2>
      <table className="returns-table" data-testid="returns-lines">
        <thead>
          <tr>
            <th>{t('returns.lines.item')}</th>
            <th>{t('returns.lines.shipped')}</th>
            <th>{t('returns.lines.expected')}</th>
            <th>{t('returns.lines.received')}</th>
            <th>{t('returns.lines.serials')}</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.itemId} data-testid={`returns-line-${l.sku}`} className={l.received > l.expected ? 'returns-row--over' : ''}>
              <td>
                <strong title={l.description}>{l.sku}</strong>
              </td>
              <td>{l.shipped}</td>
              <td>{l.expected}</td>
              <td data-testid={`returns-line-${l.sku}-received`}>{l.received}</td>
              <td className="returns-serials">
                {[...l.serials, ...l.lots].map((code) => (
                  <span key={code}>{code}</span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Condition chips, then the dispositions the site's rules leave, for the unit in focus. */
function UnitDecision({ unit, run }: { unit: ReturnUnitView; run: Run }) {
  const { t } = useTranslation();
  const say = useMessage();
  return (
    <section className="card returns-decide" data-testid="returns-decide" data-unit={unit.unitId}>
      <h2>
        {unit.sku}
        {unit.serial ? ` · ${unit.serial}` : ''}
        {unit.lot ? ` · ${unit.lot}` : ''}
      </h2>
      <fieldset className="reason-chips" data-testid="returns-conditions">
        <legend>{t('returns.condition')}</legend>
        {ReturnCondition.options.map((c) => (
          <button
            type="button"
            key={c}
            aria-pressed={unit.condition === c}
            data-testid={`condition-${c}`}
            onClick={() => void run('returns.condition', { unitId: unit.unitId, condition: c })}
          >
            {say({ code: `returnCondition.${c}` })}
          </button>
        ))}
      </fieldset>
      {unit.condition && (
        <fieldset className="reason-chips" data-testid="returns-dispositions">
          <legend>{t('returns.disposition')}</legend>
          {unit.allowed.map((d: ReturnDisposition) => (
            <button
              type="button"
              key={d}
              aria-pressed={unit.disposition === d}
              data-testid={`disposition-${d}`}
              onClick={() => void run('returns.disposition', { unitId: unit.unitId, disposition: d })}
            >
              {say({ code: `disposition.${d}` })}
            </button>
          ))}
        </fieldset>
      )}
    </section>
  );
}

function Units({ view, focus, onPick, run }: { view: ReturnView; focus: string | null; onPick: (id: string) => void; run: Run }) {
  const { t } = useTranslation();
  const say = useMessage();
  const [removing, setRemoving] = useState<ReturnUnitView | null>(null);
  return (
    <section className="card">
      <h2>{t('returns.units.title')}</h2>
      {view.units.length === 0 && <p className="muted">{t('returns.units.none')}</p>}
      <ul className="returns-units" data-testid="returns-units">
        {view.units.map((u) => (
          <li
            key={u.unitId}
            data-testid="returns-unit"
            data-sku={u.sku}
            data-disposition={u.disposition ?? ''}
            className={u.unitId === focus ? 'returns-unit--focus' : ''}
          >
            <button type="button" className="returns-unit__pick" onClick={() => onPick(u.unitId)}>
              <strong>{u.sku}</strong>
              {u.serial ? ` · ${u.serial}` : ''}
              {u.condition ? ` · ${say({ code: `returnCondition.${u.condition}` })}` : ''}
              {u.disposition ? ` → ${say({ code: `disposition.${u.disposition}` })} (${u.location ?? ''})` : ''}
            </button>
            {!u.onRma && (
              <span className={`badge ${u.approvedBy ? 'badge--ok' : 'badge--stop'}`} data-testid="not-on-rma">
                {t('returns.units.notOnRma')}
                {u.approvedBy ? ` · ${t('returns.units.approvedBy')}` : ''}
              </span>
            )}
            {u.held && <span className="badge badge--warn">{t('returns.units.held')}</span>}
            <button type="button" onClick={() => setRemoving(u)} data-testid="returns-remove">
              {t('returns.remove.button')}
            </button>
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title={t('returns.remove.title', { sku: removing.sku })}
          lost={[t('returns.remove.lost')]}
          confirm={t('returns.remove.confirm')}
          testId="returns-remove-confirm"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const unitId = removing.unitId;
            setRemoving(null);
            void run('returns.remove', { unitId });
          }}
        />
      )}
    </section>
  );
}

function NotOnRmaApproval({ run }: { run: Run }) {
  const [attempt, setAttempt] = useState(0);
  const onApproval = useCallback(
    (given: GivenApproval | null) => {
      if (!given) return;
      const pin = given.pin === undefined ? {} : { pin: given.pin };
      if ('scanned' in given && given.pin === undefined) {
        void run('returns.approve', { scanned: true }).then((r) => !r && setAttempt((n) => n + 1));
      } else if (!('scanned' in given)) {
        void run('returns.approve', { badge: given.badge, ...pin }).then((r) => !r && setAttempt((n) => n + 1));
      } else void run('returns.approve', { scanned: true, ...pin }).then((r) => !r && setAttempt((n) => n + 1));
    },
    [run],
  );
  return (
    <section className="banner-stop" role="alert" data-testid="returns-approval">
      <BadgeApproval key={attempt} purpose="returns.notOnRma" testId="returns-approval-badge" onChange={onApproval} />
    </section>
  );
}

/** Returns at the dock: open a return by scan, scan every unit, judge each one, close. */
export function ReturnsScreen(_props: { operator: Operator }) {
  const { t } = useTranslation();
  const loaded = useCommand('returns.state', {}, ['workflow.changed', 'scan.result']);
  const { run, error } = useRun(loaded.reload);
  const [picked, setPicked] = useState<string | null>(null);
  const state = loaded.value;
  const view = state?.active ?? null;
  const focusId = (picked && view?.units.some((u) => u.unitId === picked) ? picked : null) ?? state?.focusUnitId ?? null;
  const focus = view?.units.find((u) => u.unitId === focusId) ?? null;
  const hasVendorUnits = view?.units.some((u) => u.disposition === 'returnToVendor') ?? false;

  return (
    <main className="screen returns" aria-labelledby="returns-title">
      <h1 id="returns-title">
        {t('returns.title')}
        {view ? ` — ${view.rmaNumber}` : ''}
      </h1>
      {(error ?? loaded.error) && (
        <p className="form-error" role="alert" data-testid="returns-error">
          {error ?? loaded.error}
        </p>
      )}
      {state && <NextStep state={state} />}
      {!view ? (
        <FindByCustomer run={run} />
      ) : (
        <>
          <section className="card returns-header" data-testid="returns-header" data-rma={view.rmaId}>
            <dl className="facts">
              <dt>{t('returns.rma')}</dt>
              <dd>{view.rmaNumber}</dd>
              <dt>{t('returns.customer')}</dt>
              <dd>{view.customer}</dd>
              <dt>{t('returns.order')}</dt>
              <dd>{view.orderId}</dd>
            </dl>
            <div className="row">
              {hasVendorUnits && (
                <button type="button" onClick={() => void run('returns.printVendorLabel', {})} data-testid="returns-vendor-label">
                  {t('returns.vendorLabel')}
                </button>
              )}
              <button
                type="button"
                className={state?.next === 'close' ? 'big-button primary' : ''}
                onClick={() => void run('returns.close', {}).then(() => setPicked(null))}
                data-testid="returns-close"
              >
                {t('returns.close')}
              </button>
            </div>
          </section>
          {state?.next === 'approveNotOnRma' && <NotOnRmaApproval run={run} />}
          <div className="returns-grid">
            <div>
              {focus && <UnitDecision unit={focus} run={run} />}
              <Units view={view} focus={focusId} onPick={setPicked} run={run} />
            </div>
            <Lines view={view} />
          </div>
        </>
      )}
    </main>
  );
}
