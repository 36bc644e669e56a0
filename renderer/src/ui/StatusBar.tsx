import { Circle, CircleCheck, CircleDashed, CircleDot, CircleX, TriangleAlert } from 'lucide-react';
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

/** Always visible, one line: devices and sync only when they need attention, else a quiet "all fine"; and whether the core is reachable. */
export function StatusBar({ training, where }: { training: boolean; where?: string | undefined }) {
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
  // Problems only: a device that is not connected, a sync that is offline or refused; "all fine" stays quiet.
  const troubled = list.filter((d) => d.connection !== 'connected' && d.connection !== 'disabled');
  const syncTrouble = sync !== null && sync.mode !== 'standalone' && (!sync.online || sync.rejected > 0);
  const allFine = coreUp && troubled.length === 0 && !syncTrouble;
  return (
    <footer
      className={`status-bar${allFine ? ' status-bar--fine' : ''}`}
      data-testid="status-bar"
      data-fine={String(allFine)}
      role="contentinfo"
    >
      {where && <span className="status-bar__where">{where}</span>}
      {!coreUp && (
        <span className="pill pill--error" role="alert">
          <CircleX aria-hidden="true" size={16} />
          {t('app.coreOffline')}
        </span>
      )}
      {training && <span className="pill pill--training">{t('app.training')}</span>}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of status pills, not of form controls, so not a fieldset */}
      <span className="status-bar__group" role="group" aria-label={t('status.devices')} data-testid="device-status">
        {troubled.length === 0 ? (
          <span className="status-bar__quiet" data-testid="devices-fine" title={list.map((d) => d.label).join(', ')}>
            <CircleCheck aria-hidden="true" size={14} /> {t('status.devices')}: {t('task.allFine')}
          </span>
        ) : (
          troubled.map((d) => (
            <span
              key={d.id}
              className={`pill pill--${d.connection}`}
              data-testid={`device-${d.id}`}
              data-connection={d.connection}
              title={d.detail ?? ''}
            >
              <ConnectionIcon connection={d.connection} /> {d.label}: {t(`devices.connection.${d.connection}`)}
            </span>
          ))
        )}
      </span>
      {sync && (
        // biome-ignore lint/a11y/useSemanticElements: a group of status pills, not of form controls, so not a fieldset
        <span className="status-bar__group" data-testid="sync-status" role="group" aria-label={t('status.sync')}>
          <span className={sync.mode !== 'standalone' && !sync.online ? 'pill pill--disconnected' : 'status-bar__quiet'}>
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
          {sync.queueDepth > 0 && <span className="status-bar__quiet">{t('status.queue', { count: sync.queueDepth })}</span>}
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
