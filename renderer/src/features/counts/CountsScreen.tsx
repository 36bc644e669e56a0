import { ClipboardCheck, Scale, Trash2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountView } from '../../../../shared/domain/counts';
import type { Operator } from '../../../../shared/domain/master-data';
import { useCommand } from '../../api/station-context';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useRun } from '../receiving/useRun';
import './counts.css';

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
  const c = count.value;

  return (
    <main className="screen counts" aria-labelledby="counts-title">
      <h1 id="counts-title">
        {t('counts.title')}
        {c ? ` — ${c.location}` : ''}
      </h1>
      {(error ?? count.error) && (
        <p className="form-error" role="alert" data-testid="counts-error">
          {error ?? count.error}
        </p>
      )}
      {!c ? (
        <section className="card" data-testid="count-tasks">
          <p className="counts__next">{t('counts.start')}</p>
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
        <OpenCount count={c} run={run} />
      )}
    </main>
  );
}

type Run = ReturnType<typeof useRun>['run'];

function OpenCount({ count, run }: { count: CountView; run: Run }) {
  const { t } = useTranslation();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [weighItem, setWeighItem] = useState('');
  const [tareKg, setTareKg] = useState('0');
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
    <>
      <section className="card counts__header" data-testid="count-header" data-status={count.status}>
        <p className="counts__next" data-testid="count-next">
          {count.status === 'location' && t('counts.scanLocation', { location: count.location })}
          {count.status === 'counting' && t('counts.counting', { location: count.location })}
          {count.status === 'recount' && t('counts.recountTitle')}
          {count.status === 'approval' && t('counts.approvalTitle')}
        </p>
        <p className="counts__facts">
          {t(`counts.scope.${count.scope}`)}
          {count.sku ? ` ${count.sku}` : ''}
          {count.lpn ? ` ${count.lpn}` : ''}
          {count.blind ? ` · ${t('counts.blind')}` : ''} · {t('counts.round', { round: count.round })} ·{' '}
          {t('counts.countedBy', { name: count.countedBy })}
          {count.recountedBy ? ` · ${t('counts.recountedBy', { name: count.recountedBy })}` : ''}
        </p>
      </section>

      {count.status === 'recount' && (
        <section className="banner-stop" role="alert" data-testid="count-recount">
          <p>{t('counts.recountText', { location: count.location })}</p>
          <button type="button" className="primary" onClick={() => void run('counts.recount', {})} data-testid="count-recount-start">
            {t('counts.startRecount')}
          </button>
        </section>
      )}

      {count.status === 'approval' && (
        <section className="banner-stop" role="alert" data-testid="count-approval">
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
      )}

      {(count.status === 'counting' || count.status === 'location') && (
        <section className="card" data-testid="count-lines">
          {count.lines.length === 0 ? (
            <p>{t('counts.nothingYet')}</p>
          ) : (
            <table className="counts__table">
              <thead>
                <tr>
                  <th>{t('counts.table.item')}</th>
                  <th>{t('counts.table.lot')}</th>
                  <th>{t('counts.table.counted')}</th>
                  {!count.blind && <th>{t('counts.table.expected')}</th>}
                </tr>
              </thead>
              <tbody>
                {count.lines.map((l) => (
                  <tr key={`${l.itemId}-${l.lot ?? ''}`} data-testid="count-line" data-sku={l.sku}>
                    <td>
                      <strong>{l.sku}</strong> {l.description}
                    </td>
                    <td>{l.lot ?? ''}</td>
                    <td data-testid="count-line-counted">{l.counted}</td>
                    {!count.blind && <td>{l.expected ?? ''}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {count.status === 'counting' && (
            <form
              className="row counts__weigh"
              onSubmit={(e) => {
                e.preventDefault();
                const tare = Number(tareKg.replace(',', '.'));
                if (weighItem) void run('counts.weighCount', { itemId: weighItem, tareKg: Number.isFinite(tare) ? tare : 0 });
              }}
            >
              <label>
                {t('counts.weighItem')}
                <select value={weighItem} onChange={(e) => setWeighItem(e.target.value)}>
                  <option value="" />
                  {count.lines.map((l) => (
                    <option key={l.itemId} value={l.itemId}>
                      {l.sku}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('counts.tareKg')}
                <input inputMode="decimal" value={tareKg} onChange={(e) => setTareKg(e.target.value)} />
              </label>
              <button type="submit" disabled={!weighItem}>
                <Scale aria-hidden size={22} />
                {t('counts.weigh')}
              </button>
            </form>
          )}
        </section>
      )}

      <div className="row counts__actions">
        {count.status === 'counting' && (
          <button type="button" className="primary counts__finish" onClick={() => void run('counts.finish', {})} data-testid="count-finish">
            <ClipboardCheck aria-hidden size={28} />
            {t('counts.finish')}
          </button>
        )}
        <button type="button" onClick={() => setConfirmCancel(true)} data-testid="count-cancel">
          <Trash2 aria-hidden size={22} />
          {t('counts.cancel')}
        </button>
      </div>
      {confirmCancel && (
        <ConfirmDialog
          title={t('counts.cancelTitle')}
          lost={[t('counts.cancelText', { location: count.location })]}
          confirm={t('counts.cancel')}
          testId="count-cancel-confirm"
          onConfirm={() => {
            setConfirmCancel(false);
            void run('counts.cancel', {});
          }}
          onCancel={() => setConfirmCancel(false)}
        />
      )}
    </>
  );
}
