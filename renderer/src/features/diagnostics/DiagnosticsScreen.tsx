import { Check, CircleX, Dot, Download, Hourglass, Info, type LucideIcon, RefreshCw, Settings, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupState } from '../../../../shared/contract/setup';
import { useClient, useCommand } from '../../api/station-context';
import { translateMessage } from '../../i18n/messages';
import { useFormat } from '../../ui/format';
import { ConnectionIcon } from '../../ui/StatusBar';
import { play } from '../../ui/sounds';
import { SetupWizard } from '../setup/SetupWizard';
import './diagnostics.css';

function LevelIcon({ level }: { level: keyof typeof levelIcon }) {
  const Icon = levelIcon[level];
  return <Icon aria-hidden="true" size={16} />;
}

const levelIcon: Record<'warn' | 'error' | 'fatal' | 'info' | 'debug' | 'trace', LucideIcon> = {
  warn: TriangleAlert,
  error: CircleX,
  fatal: CircleX,
  info: Info,
  debug: Dot,
  trace: Dot,
};

/** For site IT and support: versions, devices, sync queue, open work, the log's latest problems, and the support bundle. */
export function DiagnosticsScreen({ canSetUp }: { canSetUp: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const f = useFormat();
  const info = useCommand('diagnostics.info', {}, ['device.status', 'sync.state']);
  const [bundle, setBundle] = useState<{ state: 'idle' | 'working' | 'done' | 'failed'; text: string }>({ state: 'idle', text: '' });
  const [setup, setSetup] = useState<SetupState | null>(null);

  const exportBundle = async () => {
    setBundle({ state: 'working', text: t('diagnostics.bundling') });
    const r = await client.attempt('diagnostics.bundle', {});
    if (r.ok) {
      play('good');
      setBundle({ state: 'done', text: t('diagnostics.bundleDone', { path: r.value.path, size: f.bytes(r.value.bytes) }) });
    } else {
      play('bad');
      setBundle({ state: 'failed', text: translateMessage(t, r.error.message) });
    }
  };

  const openSetup = async () => {
    const r = await client.attempt('setup.state', {});
    if (r.ok) setSetup(r.value);
  };

  if (setup) return <SetupWizard state={setup} onCancel={() => setSetup(null)} />;

  const d = info.value;
  const notSet = t('diagnostics.notSet');
  return (
    <main className="screen diagnostics" data-testid="diagnostics">
      <div className="row">
        <h1>{t('diagnostics.title')}</h1>
        <button type="button" onClick={() => void info.reload()}>
          <RefreshCw aria-hidden="true" size={16} />
          {t('diagnostics.refresh')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void exportBundle()}
          disabled={bundle.state === 'working'}
          data-testid="export-bundle"
        >
          <Download aria-hidden="true" size={16} />
          {t('diagnostics.bundle')}
        </button>
        {canSetUp && (
          <button type="button" onClick={() => void openSetup()}>
            <Settings aria-hidden="true" size={16} />
            {t('diagnostics.setup')}
          </button>
        )}
      </div>
      <p
        role="status"
        aria-live="polite"
        data-testid="bundle-result"
        className={bundle.state === 'failed' ? 'form-error' : bundle.state === 'done' ? 'diagnostics__ok' : 'muted'}
      >
        {bundle.state === 'done' && <Check aria-hidden="true" size={16} />}
        {bundle.state === 'failed' && <CircleX aria-hidden="true" size={16} />}
        {bundle.text}
      </p>
      {info.error && (
        <p className="form-error" role="alert">
          {info.error}
        </p>
      )}
      {d && (
        <div className="diagnostics__grid">
          <section aria-labelledby="diag-versions" className="card card--block">
            <h2 id="diag-versions">{t('diagnostics.versions')}</h2>
            <dl className="facts" data-testid="diag-versions">
              <dt>{t('diagnostics.fields.app')}</dt>
              <dd>{d.versions.app}</dd>
              <dt>{t('diagnostics.fields.electron')}</dt>
              <dd>{d.versions.electron ?? '—'}</dd>
              <dt>{t('diagnostics.fields.chrome')}</dt>
              <dd>{d.versions.chrome ?? '—'}</dd>
              <dt>{t('diagnostics.fields.node')}</dt>
              <dd>{d.versions.node}</dd>
              <dt>{t('diagnostics.fields.sqlite')}</dt>
              <dd>{d.versions.sqlite}</dd>
              <dt>{t('diagnostics.fields.platform')}</dt>
              <dd>
                {d.versions.platform} {d.versions.arch}
              </dd>
            </dl>
          </section>
          <section aria-labelledby="diag-station" className="card card--block">
            <h2 id="diag-station">{t('diagnostics.station')}</h2>
            <dl className="facts">
              <dt>{t('diagnostics.fields.name')}</dt>
              <dd>{d.station.stationName}</dd>
              <dt>{t('diagnostics.fields.stationId')}</dt>
              <dd className="mono">{d.station.stationId}</dd>
              <dt>{t('diagnostics.fields.role')}</dt>
              <dd>{t(`setup.station.roles.${d.station.stationRole}`)}</dd>
              <dt>{t('diagnostics.fields.locale')}</dt>
              <dd>{d.station.locale}</dd>
              <dt>{t('diagnostics.fields.training')}</dt>
              <dd>{d.station.training ? t('common.yes') : t('common.no')}</dd>
              <dt>{t('diagnostics.fields.server')}</dt>
              <dd>{d.station.server}</dd>
              {d.station.insecureServer && (
                <dd className="diagnostics__insecure" role="alert" data-testid="diagnostics-insecure-server">
                  <TriangleAlert aria-hidden="true" size={16} />
                  {t('diagnostics.fields.insecureServer')}
                </dd>
              )}
              <dt>{t('diagnostics.fields.pinned')}</dt>
              <dd>{d.station.pinnedVersion ?? notSet}</dd>
              <dt>{t('diagnostics.fields.updates')}</dt>
              <dd>{d.station.updateUrl ?? notSet}</dd>
              <dt>{t('diagnostics.fields.dataDir')}</dt>
              <dd className="mono">{d.station.dataDir}</dd>
              <dt>{t('diagnostics.fields.logDir')}</dt>
              <dd className="mono">{d.station.logDir ?? notSet}</dd>
            </dl>
          </section>
          <section aria-labelledby="diag-db" className="card card--block">
            <h2 id="diag-db">{t('diagnostics.database')}</h2>
            <dl className="facts">
              <dt>{t('diagnostics.fields.path')}</dt>
              <dd className="mono">{d.database.path}</dd>
              <dt>{t('diagnostics.fields.size')}</dt>
              <dd>{f.bytes(d.database.sizeBytes)}</dd>
              <dt>{t('diagnostics.fields.schema')}</dt>
              <dd>{f.number(d.database.schemaVersion)}</dd>
            </dl>
          </section>
          <section aria-labelledby="diag-sync" className="card card--block">
            <h2 id="diag-sync">{t('diagnostics.sync')}</h2>
            <dl className="facts" data-testid="diag-sync">
              <dt>{t('diagnostics.fields.online')}</dt>
              <dd>{d.sync.mode === 'standalone' ? t('status.standalone') : d.sync.online ? t('status.online') : t('status.offline')}</dd>
              <dt>{t('diagnostics.fields.queue')}</dt>
              <dd>{f.number(d.sync.queueDepth)}</dd>
              <dt>{t('diagnostics.fields.rejected')}</dt>
              <dd>{f.number(d.sync.rejected)}</dd>
              <dt>{t('diagnostics.fields.lastSync')}</dt>
              <dd>{d.sync.lastSyncAt ? f.dateTime(d.sync.lastSyncAt) : t('common.never')}</dd>
              <dt>{t('diagnostics.fields.lastError')}</dt>
              <dd>{d.sync.lastError ?? '—'}</dd>
            </dl>
            <h3>{t('diagnostics.openWork')}</h3>
            <p data-testid="diag-busy">
              {d.busy.busy ? <Hourglass aria-hidden="true" size={16} /> : <Check aria-hidden="true" size={16} />}
              {d.busy.busy ? d.busy.reason : t('diagnostics.idle')}
            </p>
          </section>
          <section aria-labelledby="diag-devices" className="card card--block card--wide">
            <h2 id="diag-devices">{t('diagnostics.devices')}</h2>
            {d.devices.length === 0 ? (
              <p>{t('devices.none')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('devices.device')}</th>
                    <th scope="col">{t('devices.role')}</th>
                    <th scope="col">{t('devices.transport')}</th>
                    <th scope="col">{t('devices.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.devices.map((dev) => (
                    <tr key={dev.id}>
                      <td>{dev.label}</td>
                      <td>{t(`code.role.${dev.role}`, { defaultValue: dev.role })}</td>
                      <td>{dev.transport}</td>
                      <td className={`state state--${dev.connection}`}>
                        <span aria-hidden="true">
                          <ConnectionIcon connection={dev.connection} />{' '}
                        </span>
                        {t(`devices.connection.${dev.connection}`)}
                        {dev.detail ? ` — ${dev.detail}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="diag-errors" className="card card--block card--wide">
            <h2 id="diag-errors">{t('diagnostics.lastErrors')}</h2>
            {d.lastErrors.length === 0 ? (
              <p>{t('diagnostics.noErrors')}</p>
            ) : (
              <ul className="list" data-testid="diag-errors">
                {d.lastErrors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two entries can share a timestamp; the list is replaced whole, never reordered
                  <li key={`${e.at}-${i}`} className={`log log--${e.level}`}>
                    <span>
                      <LevelIcon level={e.level} /> <strong>{t(`diagnostics.level.${e.level}`)}</strong> ·{' '}
                      <time dateTime={e.at}>{f.dateTime(e.at)}</time>
                    </span>
                    <span className="log__message">
                      {e.message}
                      {e.detail ? ` — ${e.detail}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
