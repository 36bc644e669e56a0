import { ClipboardCheck, RotateCcw, Scale, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountView, CountViewLine } from '../../../../shared/domain/counts';
import type { Operator } from '../../../../shared/domain/master-data';
import { useCommand } from '../../api/station-context';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ActionButton, Progress, TaskLayout, useScannedInView } from '../../ui/TaskLayout';
import { useRun } from '../receiving/useRun';
import './counts.css';

type Run = ReturnType<typeof useRun>['run'];

const lineKey = (l: CountViewLine): string => `${l.itemId}-${l.lot ?? ''}`;

/**
 * The line the last scan went to: the one whose count went up (or that appeared) since the count was last shown. The
 * core's count view does not name it, and a count only grows by scans and weigh counts.
 */
function useScannedLine(count: CountView | null | undefined): { scanned: string | null; scanKey: string } {
  const previous = useRef<Map<string, number>>(new Map());
  const [scanned, setScanned] = useState<{ key: string; counted: number } | null>(null);
  useEffect(() => {
    const lines = count?.lines ?? [];
    const before = previous.current;
    const grown = lines.find((l) => l.counted > (before.get(lineKey(l)) ?? 0));
    previous.current = new Map(lines.map((l) => [lineKey(l), l.counted]));
    if (grown) setScanned({ key: lineKey(grown), counted: grown.counted });
    else if (!lines.some((l) => lineKey(l) === scanned?.key)) setScanned(null);
  }, [count, scanned?.key]);
  return { scanned: scanned?.key ?? null, scanKey: `${scanned?.key ?? ''}-${scanned?.counted ?? 0}-${count?.round ?? 0}` };
}

/** The counter's screen: choose a task or scan a location, scan what is there, finish; recount and badge when it differs. */
export function CountsScreen(_props: { operator: Operator }) {
  const { t } = useTranslation();
  const count = useCommand('counts.current', {}, ['workflow.changed']);
  const tasks = useCommand('counts.tasks', {}, ['workflow.changed']);
  const reload = useCallback(() => {
    count.reload();
    tasks.reload();
  }, [count.reload, tasks.reload]);
  const { run, error } = useRun(reload);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const c = count.value;
  const shownError = error ?? count.error;
  const { scanned, scanKey } = useScannedLine(c);

  return (
    <TaskLayout
      titleId="counts-title"
      className="counts"
      data={{ 'data-status': c?.status ?? '' }}
      context={c ? <CountFacts count={c} /> : t('counts.title')}
      step={
        <span data-testid="count-next" data-status={c?.status ?? 'choose'} aria-live="polite">
          {!c && t('counts.start')}
          {c?.status === 'location' && t('counts.scanLocation', { location: c.location })}
          {c?.status === 'counting' && t('counts.counting', { location: c.location })}
          {c?.status === 'recount' && t('counts.recountTitle')}
          {c?.status === 'approval' && t('counts.approvalTitle')}
        </span>
      }
      stepTone={c?.status === 'recount' || c?.status === 'approval' ? 'bad' : 'info'}
      actions={
        c ? (
          <>
            <ActionButton
              actionKey="F8"
              testId="count-cancel"
              icon={<Trash2 aria-hidden size={20} />}
              label={t('counts.cancel')}
              onClick={() => setConfirmCancel(true)}
            />
            {c.status === 'recount' ? (
              <ActionButton
                actionKey="F9"
                testId="count-recount-start"
                next
                icon={<RotateCcw aria-hidden size={26} />}
                label={t('counts.startRecount')}
                onClick={() => void run('counts.recount', {})}
              />
            ) : (
              c.status !== 'approval' && (
                <ActionButton
                  actionKey="F9"
                  testId="count-finish"
                  next
                  disabled={c.status !== 'counting'}
                  icon={<ClipboardCheck aria-hidden size={26} />}
                  label={t('counts.finish')}
                  onClick={() => void run('counts.finish', {})}
                />
              )
            )}
          </>
        ) : undefined
      }
      alerts={
        shownError || c?.status === 'recount' || c?.status === 'approval' ? (
          <>
            {shownError && (
              <p className="form-error" role="alert" data-testid="counts-error">
                {shownError}
              </p>
            )}
            {c?.status === 'recount' && (
              <p className="banner-stop" role="alert" data-testid="count-recount">
                {t('counts.recountText', { location: c.location })}
              </p>
            )}
            {c?.status === 'approval' && <VarianceApproval count={c} run={run} />}
          </>
        ) : undefined
      }
      side={c?.status === 'counting' ? <WeighCount count={c} run={run} /> : undefined}
    >
      {!c ? (
        <section className="card" data-testid="count-tasks" aria-label={t('counts.tasks')}>
          <h2>{t('counts.tasks')}</h2>
          {tasks.value && tasks.value.length === 0 && <p>{t('counts.noTasks')}</p>}
          <ul className="counts__tasks">
            {tasks.value?.map((task) => (
              <li key={task.id} data-testid={`count-task-${task.id}`}>
                <span>
                  <strong>{task.location}</strong> · {t(`counts.scope.${task.scope}`)}
                  {task.sku ? ` ${task.sku}` : ''}
                  {task.lpn ? ` ${task.lpn}` : ''}
                  {task.blind ? ` · ${t('counts.blind')}` : ''}
                  {task.expectedUnits !== null ? ` · ${t('counts.expectedUnits', { count: task.expectedUnits })}` : ''}
                </span>
                <button type="button" className="primary" onClick={() => void run('counts.start', { taskId: task.id })}>
                  {t('counts.startTask')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        (c.status === 'counting' || c.status === 'location') && <CountLines count={c} scanned={scanned} scanKey={scanKey} />
      )}
      {c && confirmCancel && (
        <ConfirmDialog
          title={t('counts.cancelTitle')}
          lost={[t('counts.cancelText', { location: c.location })]}
          confirm={t('counts.cancel')}
          testId="count-cancel-confirm"
          onConfirm={() => {
            setConfirmCancel(false);
            void run('counts.cancel', {});
          }}
          onCancel={() => setConfirmCancel(false)}
        />
      )}
    </TaskLayout>
  );
}

/** Where and what is counted, which round, by whom: small above the step. */
function CountFacts({ count }: { count: CountView }) {
  const { t } = useTranslation();
  return (
    <span data-testid="count-header" data-status={count.status}>
      {t('counts.title')} — {count.location} · {t(`counts.scope.${count.scope}`)}
      {count.sku ? ` ${count.sku}` : ''}
      {count.lpn ? ` ${count.lpn}` : ''}
      {count.blind ? ` · ${t('counts.blind')}` : ''} · {t('counts.round', { round: count.round })} ·{' '}
      {t('counts.countedBy', { name: count.countedBy })}
      {count.recountedBy ? ` · ${t('counts.recountedBy', { name: count.recountedBy })}` : ''}
    </span>
  );
}

/**
 * What was found at the location, as line cards: item, lot, the count (of the expected one unless the count is blind).
 * The line the last scan went to is highlighted and kept in view inside the work area.
 */
function CountLines({ count, scanned, scanKey }: { count: CountView; scanned: string | null; scanKey: string }) {
  const { t } = useTranslation();
  const ref = useScannedInView<HTMLElement>(scanKey);
  return (
    <section data-testid="count-lines" aria-label={t('counts.table.counted')} ref={ref}>
      {count.lines.length === 0 ? (
        <p className="card">{t('counts.nothingYet')}</p>
      ) : (
        <ul className="line-list">
          {count.lines.map((l) => (
            <li
              key={lineKey(l)}
              className="line-card"
              data-testid="count-line"
              data-sku={l.sku}
              data-scanned={lineKey(l) === scanned ? 'true' : undefined}
            >
              <div className="line-card__item">
                <div className="line-card__name">{l.description}</div>
                <div className="line-card__meta">
                  {l.sku}
                  {l.lot ? ` · ${t('counts.table.lot')} ${l.lot}` : ''}
                </div>
              </div>
              {count.blind || l.expected === null ? (
                <div className="counts__counted">
                  <span className="counts__counted-label">{t('counts.table.counted')}</span>
                  <strong data-testid="count-line-counted">{l.counted}</strong>
                </div>
              ) : (
                <Progress done={l.counted} total={l.expected} testId="count-line-counted" />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A weight count of one item at the location: the scale's weight less the container's tare, by the unit weight. */
function WeighCount({ count, run }: { count: CountView; run: Run }) {
  const { t } = useTranslation();
  const [weighItem, setWeighItem] = useState('');
  const [tareKg, setTareKg] = useState('0');
  return (
    <form
      className="card counts__weigh"
      aria-label={t('counts.weigh')}
      onSubmit={(e) => {
        e.preventDefault();
        const tare = Number(tareKg.replace(',', '.'));
        if (weighItem) void run('counts.weighCount', { itemId: weighItem, tareKg: Number.isFinite(tare) ? tare : 0 });
      }}
    >
      <h2>{t('counts.weigh')}</h2>
      <label className="counts__field" htmlFor="count-weigh-item">
        {t('counts.weighItem')}
        <select id="count-weigh-item" value={weighItem} onChange={(e) => setWeighItem(e.target.value)}>
          <option value="" />
          {count.lines.map((l) => (
            <option key={l.itemId} value={l.itemId}>
              {l.sku}
            </option>
          ))}
        </select>
      </label>
      <label className="counts__field" htmlFor="count-weigh-tare">
        {t('counts.tareKg')}
        <input id="count-weigh-tare" inputMode="decimal" value={tareKg} onChange={(e) => setTareKg(e.target.value)} />
      </label>
      <button type="submit" disabled={!weighItem}>
        <Scale aria-hidden size={22} />
        {t('counts.weigh')}
      </button>
    </form>
  );
}

/** The variances beyond the tolerance and the supervisor's badge that posts them. */
function VarianceApproval({ count, run }: { count: CountView; run: Run }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const approve = useCallback(
    (given: GivenApproval | null) => {
      if (!given) return;
      const pin = given.pin === undefined ? {} : { pin: given.pin };
      if ('scanned' in given && given.pin === undefined)
        void run('counts.approve', { scanned: true }).then((r) => {
          if (!r) setAttempt((n) => n + 1);
        });
      else if (!('scanned' in given))
        void run('counts.approve', { badge: given.badge, ...pin }).then((r) => {
          if (!r) setAttempt((n) => n + 1);
        });
    },
    [run],
  );
  return (
    <section className="banner-stop counts__approval" role="alert" data-testid="count-approval">
      <p>{t('counts.approvalText')}</p>
      <table className="counts__table">
        <thead>
          <tr>
            <th>{t('counts.table.item')}</th>
            <th>{t('counts.table.lot')}</th>
            <th>{t('counts.table.expected')}</th>
            <th>{t('counts.table.counted')}</th>
            <th>{t('counts.table.delta')}</th>
          </tr>
        </thead>
        <tbody>
          {count.variances.map((v) => (
            <tr key={`${v.sku}-${v.lot ?? ''}`} data-testid="count-variance">
              <td>{v.sku}</td>
              <td>{v.lot ?? ''}</td>
              <td>{v.expected}</td>
              <td>{v.counted}</td>
              <td>{v.delta > 0 ? `+${v.delta}` : v.delta}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <BadgeApproval key={attempt} purpose="counts.variance" testId="count-badge" onChange={approve} />
    </section>
  );
}
