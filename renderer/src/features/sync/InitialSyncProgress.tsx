import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../../../shared/domain/sync-state';
import { useCommand } from '../../api/station-context';
import { useFormat } from '../../ui/format';

/** The first load of the site: a progress bar with records and time left, and why the station waits for it. */
export function InitialSyncProgress({ initialSync }: { initialSync: SyncState['initialSync'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { received, total, secondsLeft } = initialSync;
  const percent = total ? Math.min(100, Math.floor((100 * received) / total)) : 0;
  return (
    <div className="initial-sync" data-testid="initial-sync" role="status">
      <progress max={100} value={total ? percent : undefined} aria-label={t('sync.initial')}>
        {percent}%
      </progress>
      {total !== null && <span>{t('sync.initialRows', { received: f.number(received), total: f.number(total) })}</span>}
      {secondsLeft !== null && secondsLeft > 0 && <span> · {t('sync.initialLeft', { seconds: Math.ceil(secondsLeft) })}</span>}
      <p>{t('sync.initialIncomplete', { percent })}</p>
    </div>
  );
}

/** Shown above the app (and right after setup) while an enrolled station's cache is not complete. */
export function InitialSyncBanner() {
  const state = useCommand('sync.state', {}, ['sync.state']);
  const s = state.value;
  if (s?.mode !== 'enrolled' || s.initialSync.done) return null;
  return <InitialSyncProgress initialSync={s.initialSync} />;
}
