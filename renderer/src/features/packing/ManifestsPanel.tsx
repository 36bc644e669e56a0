import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useCommand } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

/** Today's carrier manifests: shipped cartons per carrier; close one for the pickup, print it for the driver. */
export function ManifestsPanel() {
  const { t } = useTranslation();
  const client = useClient();
  const say = useMessage();
  const manifests = useCommand('packing.manifests', {}, ['workflow.changed']);
  const [error, setError] = useState<string | null>(null);
  const act = async (command: 'packing.closeManifest' | 'packing.printManifest', manifestId: string) => {
    const r = await client.attempt(command, { manifestId });
    setError(r.ok ? null : say(r.error.message));
    if (r.ok) await manifests.reload();
  };
  return (
    <section className="card pack-manifests" aria-label={t('packing.manifests.title')} data-testid="pack-manifests">
      <h2>{t('packing.manifests.title')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {manifests.value?.length === 0 && <p className="muted">{t('packing.manifests.none')}</p>}
      <ul className="list">
        {manifests.value?.map((m) => (
          <li key={m.id} data-testid={`manifest-${m.carrier}`} data-state={m.state}>
            <span>
              <strong>{m.carrier}</strong> · {t(`packing.manifests.${m.state}`)} ·{' '}
              {t('packing.manifests.cartons', { count: m.cartons.length })} ·{' '}
              {t('packing.manifests.weight', { kg: (m.totalWeightG / 1000).toFixed(2) })}
              {m.cartons.some((c) => c.needsRelabel) && (
                <span className="form-error" role="alert" data-testid={`manifest-${m.carrier}-relabel`}>
                  {' '}
                  · {t('packing.manifests.relabel', { count: m.cartons.filter((c) => c.needsRelabel).length })}:{' '}
                  {m.cartons
                    .filter((c) => c.needsRelabel)
                    .map((c) => `${c.orderNumber} ${c.tracking}`)
                    .join(', ')}
                </span>
              )}
            </span>
            <span className="row">
              <button type="button" onClick={() => void act('packing.printManifest', m.id)}>
                {t('packing.manifests.print')}
              </button>
              {m.state === 'open' && (
                <button type="button" className="primary" onClick={() => void act('packing.closeManifest', m.id)}>
                  {t('packing.manifests.close')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
