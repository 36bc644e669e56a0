import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useClient, useCommand } from '../../api/station-context';
import { useFormat } from '../../ui/format';
import { InitialSyncProgress } from './InitialSyncProgress';
import { opKindText, refusalText } from './refusals';

export function SyncScreen({ supervisor }: { supervisor: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const f = useFormat();
  const state = useCommand('sync.state', {}, ['sync.state']);
  const rejected = useCommand('sync.rejected', {}, ['sync.state']);
  const s = state.value;
  return (
    <main className="screen">
      <h1>{t('sync.title')}</h1>
      {s && (
        <dl className="facts" data-testid="sync-facts">
          <dt>{t('sync.mode')}</dt>
          <dd>{s.mode === 'standalone' ? t('status.standalone') : s.online ? t('status.online') : t('status.offline')}</dd>
          <dt>{t('sync.server')}</dt>
          <dd>{s.serverUrl ?? '—'}</dd>
          <dt>{t('sync.queue')}</dt>
          <dd data-testid="sync-queue">{f.number(s.queueDepth)}</dd>
          <dt>{t('sync.lastSync')}</dt>
          <dd>{s.lastSyncAt ? f.dateTime(s.lastSyncAt) : t('common.never')}</dd>
          <dt>{t('sync.lastError')}</dt>
          <dd>{s.lastError ?? '—'}</dd>
          <dt>{t('sync.initial')}</dt>
          <dd>
            {s.initialSync.done ? (
              <>
                <Check aria-hidden="true" size={18} />
                <span className="visually-hidden">{t('common.yes')}</span>
              </>
            ) : (
              <InitialSyncProgress initialSync={s.initialSync} />
            )}
          </dd>
          {s.numbers.length > 0 && <dt>{t('sync.numbers')}</dt>}
          {s.numbers.map((n) => (
            <dd key={n.kind} data-testid={`sync-numbers-${n.kind}`} data-low={n.low}>
              {t(`sync.numberKinds.${n.kind}`)}: {f.number(n.left)}
              {n.low && (
                <p className="form-error" role="alert">
                  {t('sync.numbersLow', { left: f.number(n.left), kind: t(`sync.numberKinds.${n.kind}`) })}
                </p>
              )}
            </dd>
          ))}
        </dl>
      )}
      <button type="button" className="big-button" onClick={() => void client.attempt('sync.now', {}).then(() => state.reload())}>
        {t('sync.now')}
      </button>
      <h2>{t('sync.rejected')}</h2>
      {rejected.value?.length === 0 && <p>{t('sync.noneRejected')}</p>}
      <ul className="list">
        {rejected.value?.map((op) => (
          <li key={op.opId} data-testid="sync-refused" data-code={op.code ?? undefined}>
            <strong>{opKindText(t, op.kind)}</strong> ({f.dateTime(op.at)}) — {refusalText(t, op.code)}
            <details>
              <summary>{t('sync.forSiteIt')}</summary>
              <code>
                {op.kind} · {op.code ?? '—'} · {op.at} · {op.reason ?? ''}
              </code>
            </details>
            {supervisor && (
              <button
                type="button"
                aria-label={`${t('sync.resolve')}: ${opKindText(t, op.kind)}`}
                onClick={() => void client.attempt('sync.resolve', { opId: op.opId }).then(() => rejected.reload())}
              >
                {t('sync.resolve')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
