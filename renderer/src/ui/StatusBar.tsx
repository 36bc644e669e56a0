import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../../shared/domain/devices';
import type { SyncState } from '../../../shared/domain/sync-state';
import { useClient, useCommand, useEvent } from '../api/station-context';

/** Always visible: each device's state, the link to the server, and whether the core itself is reachable. */
export function StatusBar({ training }: { training: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const [coreUp, setCoreUp] = useState(true);
  const devices = useCommand('devices.list', {}, ['device.status']);
  const [sync, setSync] = useState<SyncState | null>(null);
  useEffect(() => client.onConnection(setCoreUp), [client]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sync state is read again each time the core connection comes back
  useEffect(() => {
    void client.attempt('sync.state', {}).then((r) => r.ok && setSync(r.value));
  }, [client, coreUp]);
  useEvent('sync.state', setSync);

  const list: DeviceStatus[] = devices.value ?? [];
  return (
    <footer className="status-bar" data-testid="status-bar" role="contentinfo">
      {!coreUp && (
        <span className="pill pill--error" role="alert">
          <span aria-hidden="true">✖ </span>
          {t('app.coreOffline')}
        </span>
      )}
      {training && <span className="pill pill--training">{t('app.training')}</span>}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of status pills, not of form controls, so not a fieldset */}
      <span className="status-bar__group" role="group" aria-label={t('status.devices')}>
        {list.map((d) => (
          <span
            key={d.id}
            className={`pill pill--${d.connection}`}
            data-testid={`device-${d.id}`}
            data-connection={d.connection}
            title={d.detail ?? ''}
          >
            <span aria-hidden="true">{d.connection === 'connected' ? '●' : d.connection === 'connecting' ? '◐' : '○'}</span> {d.label}:{' '}
            {t(`devices.connection.${d.connection}`)}
          </span>
        ))}
      </span>
      {sync && (
        // biome-ignore lint/a11y/useSemanticElements: a group of status pills, not of form controls, so not a fieldset
        <span className="status-bar__group" data-testid="sync-status" role="group" aria-label={t('status.sync')}>
          <span className={`pill pill--${sync.mode === 'standalone' ? 'disabled' : sync.online ? 'connected' : 'disconnected'}`}>
            <span aria-hidden="true">{sync.mode === 'standalone' ? '○' : sync.online ? '●' : '✖'} </span>
            {t('status.sync')}:{' '}
            {sync.mode === 'standalone' ? t('status.standalone') : sync.online ? t('status.online') : t('status.offline')}
          </span>
          <span className="pill">{t('status.queue', { count: sync.queueDepth })}</span>
          {sync.rejected > 0 && (
            <span className="pill pill--error">
              <span aria-hidden="true">⚠ </span>
              {t('status.rejected', { count: sync.rejected })}
            </span>
          )}
        </span>
      )}
    </footer>
  );
}
