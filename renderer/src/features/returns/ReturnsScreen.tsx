import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RmaSummary } from '../../../../shared/contract/returns';
import type { Operator } from '../../../../shared/domain/master-data';
import {
  ReturnCondition,
  type ReturnDisposition,
  type ReturnLineView,
  type ReturnsState,
  type ReturnUnitView,
  type ReturnView,
} from '../../../../shared/domain/returns';
import { useCommand } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ActionButton, Progress, scrollIntoContainer, TaskLayout, useScannedInView } from '../../ui/TaskLayout';
import { type Run, useRun } from '../receiving/useRun';
import './returns.css';

const stepTones: Record<ReturnsState['next'], 'info' | 'good' | 'bad'> = {
  scanReturn: 'info',
  scanUnit: 'info',
  chooseCondition: 'info',
  chooseDisposition: 'info',
  approveNotOnRma: 'bad',
  close: 'good',
};

/** The step the screen shows big, about the unit the core points at. */
function NextStep({ state }: { state: ReturnsState }) {
  const { t } = useTranslation();
  const unit = state.active?.units.find((u) => u.unitId === state.focusUnitId);
  return (
    <span className={`returns-step returns-step--${state.next}`} data-testid="returns-step" data-step={state.next} aria-live="polite">
      {t(`returns.step.${state.next}`, { sku: unit?.sku ?? '' })}
    </span>
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

/** The item the last scan went to: the unit the core points at, else the unit taken in last. */
function scannedItem(state: ReturnsState): string | null {
  const units = state.active?.units ?? [];
  return (units.find((u) => u.unitId === state.focusUnitId) ?? units.at(-1))?.itemId ?? null;
}

/**
 * What the order shipped and what is expected back, as line cards: back of expected with a bar, the serials and lots
 * taken in. The scanned line is highlighted and kept in view; lines back in full fold to the bottom.
 */
function Lines({ view, scanned, scanKey }: { view: ReturnView; scanned: string | null; scanKey: string }) {
  const { t } = useTranslation();
  const ref = useScannedInView<HTMLElement>(scanKey);
  const complete = (l: ReturnLineView) => l.expected > 0 && l.received >= l.expected;
  const open = view.lines.filter((l) => !complete(l));
  const done = view.lines.filter(complete);
  const card = (l: ReturnLineView) => (
    <li
      key={l.itemId}
      data-testid={`returns-line-${l.sku}`}
      data-scanned={l.itemId === scanned ? 'true' : undefined}
      className={`line-card${complete(l) ? ' line-card--done' : ''}${l.received > l.expected ? ' returns-line--over' : ''}`}
    >
      <div className="line-card__item">
        <div className="line-card__name">{l.description}</div>
        <div className="line-card__meta">
          {[l.lineNo !== null ? `#${l.lineNo}` : '', l.sku, `${t('returns.lines.shipped')} ${l.shipped}`]
            .filter((x) => x !== '')
            .join(' · ')}
        </div>
        {l.serials.length + l.lots.length > 0 && (
          <div className="returns-serials" title={t('returns.lines.serials')}>
            {[...l.serials, ...l.lots].map((code) => (
              <span key={code}>{code}</span>
            ))}
          </div>
        )}
      </div>
      <Progress done={l.received} total={l.expected} testId={`returns-line-${l.sku}-received`} />
    </li>
  );
  return (
    <section aria-label={t('returns.lines.title')} ref={ref}>
      <ul className="line-list" data-testid="returns-lines">
        {open.map(card)}
        {done.length > 0 && <li className="lines-done-head">{t('task.done', { count: done.length })}</li>}
        {done.map(card)}
      </ul>
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
  const list = useRef<HTMLUListElement>(null);
  // The decision about the unit in focus (else the unit itself) stays in view in the side column, as the scanned line
  // does in the work area.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the focus or the number of units changes
  useEffect(() => {
    const container = list.current?.closest<HTMLElement>('.task__side');
    const target =
      container?.querySelector<HTMLElement>('[data-testid="returns-decide"]') ??
      list.current?.querySelector<HTMLElement>('.returns-unit--focus');
    if (target && container) scrollIntoContainer(target, container);
  }, [focus, view.units.length]);
  return (
    <section className="card">
      <h2>{t('returns.units.title')}</h2>
      {view.units.length === 0 && <p className="muted">{t('returns.units.none')}</p>}
      <ul className="returns-units" data-testid="returns-units" ref={list}>
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
  const shownError = error ?? loaded.error;
  const scanned = state ? scannedItem(state) : null;
  const scanKey = `${scanned}-${view?.units.length ?? 0}-${state?.focusUnitId ?? ''}`;

  return (
    <TaskLayout
      titleId="returns-title"
      className="returns"
      context={
        view ? (
          <span data-testid="returns-header" data-rma={view.rmaId}>
            {t('returns.title')} — {t('returns.rma')} {view.rmaNumber} · {t('returns.customer')} {view.customer} · {t('returns.order')}{' '}
            {view.orderId}
          </span>
        ) : (
          t('returns.title')
        )
      }
      step={state ? <NextStep state={state} /> : t('returns.title')}
      stepTone={state ? stepTones[state.next] : 'info'}
      actions={
        view ? (
          <>
            {hasVendorUnits && (
              <ActionButton
                actionKey="F3"
                testId="returns-vendor-label"
                label={t('returns.vendorLabel')}
                onClick={() => void run('returns.printVendorLabel', {})}
              />
            )}
            <ActionButton
              actionKey="F9"
              testId="returns-close"
              next
              label={t('returns.close')}
              onClick={() => void run('returns.close', {}).then(() => setPicked(null))}
            />
          </>
        ) : undefined
      }
      alerts={
        shownError || state?.next === 'approveNotOnRma' ? (
          <>
            {shownError && (
              <p className="form-error" role="alert" data-testid="returns-error">
                {shownError}
              </p>
            )}
            {state?.next === 'approveNotOnRma' && <NotOnRmaApproval run={run} />}
          </>
        ) : undefined
      }
      side={
        view ? (
          <>
            {focus && <UnitDecision unit={focus} run={run} />}
            <Units view={view} focus={focusId} onPick={setPicked} run={run} />
          </>
        ) : undefined
      }
    >
      {!view ? <FindByCustomer run={run} /> : <Lines view={view} scanned={scanned} scanKey={scanKey} />}
    </TaskLayout>
  );
}
