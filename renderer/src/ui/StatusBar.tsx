import { Circle, CircleDashed, CircleDot, CircleX, TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../../shared/domain/devices';
import type { SyncState } from '../../../shared/domain/sync-state';
import { useClient, useCommand, useEvent } from '../api/station-context';

/** A device's link at a glance: filled when connected, dashed while connecting, empty when not. */
export function ConnectionIcon({ connection }: { connection: DeviceStatus['connection'] }) {
  if (connection === 'connected') return <CircleDot aria-hidden="true" size={14} />;
  if (connection === 'connecting') return <CircleDashed aria-hidden="true" size={14} />;
  return <Circle aria-hidden="true" size={14} />;
}

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
          <CircleX aria-hidden="true" size={16} />
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
            <ConnectionIcon connection={d.connection} /> {d.label}: {t(`devices.connection.${d.connection}`)}
          </span>
        ))}
      </span>
      {sync && (
        // biome-ignore lint/a11y/useSemanticElements: a group of status pills, not of form controls, so not a fieldset
        <span className="status-bar__group" data-testid="sync-status" role="group" aria-label={t('status.sync')}>
          <span className={`pill pill--${sync.mode === 'standalone' ? 'disabled' : sync.online ? 'connected' : 'disconnected'}`}>
            {sync.mode === 'standalone' ? (
              <Circle aria-hidden="true" size={14} />
            ) : sync.online ? (
              <CircleDot aria-hidden="true" size={14} />
            ) : (
              <CircleX aria-hidden="true" size={14} />
            )}
            {t('status.sync')}:{' '}
            {sync.mode === 'standalone' ? t('status.standalone') : sync.online ? t('status.online') : t('status.offline')}
          </span>
          <span className="pill">{t('status.queue', { count: sync.queueDepth })}</span>
          {sync.rejected > 0 && (
            <span className="pill pill--error">
              <TriangleAlert aria-hidden="true" size={14} />
              {t('status.rejected', { count: sync.rejected })}
            </span>
          )}
        </span>
      )}
    </footer>
  );
}
