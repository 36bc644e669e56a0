import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useCommand, useEvent } from '../../api/station-context';
import { translateMessage } from '../../i18n/messages';
import { useFormat } from '../../ui/format';
import { ConnectionIcon } from '../../ui/StatusBar';
import { PrintJobs } from './PrintJobs';

export function DevicesScreen({ training }: { training: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const devices = useCommand('devices.list', {}, ['device.status']);
  const [results, setResults] = useState<Record<string, string>>({});
  const [weights, setWeights] = useState<Record<string, string>>({});
  const f = useFormat();
  useEvent('scale.reading', (r) =>
    setWeights((w) => ({ ...w, [r.role]: `${f.weight(r.value, r.unit)}${r.stable ? '' : ` ~ ${t('devices.motion')}`}` })),
  );

  const test = async (id: string) => {
    const r = await client.attempt('devices.test', { id });
    setResults((prev) => ({
      ...prev,
      [id]: r.ok ? `${r.value.ok ? '✔' : '✖'} ${r.value.message}` : `✖ ${translateMessage(t, r.error.message)}`,
    }));
  };

  return (
    <main className="screen">
      <h1>{t('devices.title')}</h1>
      {devices.error && (
        <p className="form-error" role="alert">
          {devices.error}
        </p>
      )}
      {devices.value && devices.value.length === 0 && <p>{t('devices.none')}</p>}
      <table className="table" data-testid="devices-table">
        <thead>
          <tr>
            <th scope="col">{t('devices.role')}</th>
            <th scope="col">{t('devices.device')}</th>
            <th scope="col">{t('devices.transport')}</th>
            <th scope="col">{t('devices.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('devices.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.value?.map((d) => (
            <tr key={d.id} data-testid={`device-row-${d.id}`}>
              <td>{t(`code.role.${d.role}`, { defaultValue: d.role })}</td>
              <td>
                {d.label}
                {weights[d.role] ? ` — ${weights[d.role]}` : ''}
              </td>
              <td>{d.transport}</td>
              <td className={`state state--${d.connection}`} data-connection={d.connection}>
                <ConnectionIcon connection={d.connection} /> {t(`devices.connection.${d.connection}`)}
                {d.detail ? ` — ${d.detail}` : ''}
              </td>
              <td>
                <button type="button" onClick={() => void test(d.id)} aria-label={`${t('devices.test')}: ${d.label}`}>
                  {t('devices.test')}
                </button>{' '}
                <span data-testid={`device-test-${d.id}`} role="status" aria-live="polite">
                  {results[d.id] ?? ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PrintJobs />
      {training && <SimScale />}
    </main>
  );
}

function SimScale() {
  const { t } = useTranslation();
  const client = useClient();
  const [kg, setKg] = useState('0');
  const [motion, setMotion] = useState(false);
  const [role, setRole] = useState('pack-scale');
  return (
    <section className="card" aria-label={t('devices.simScale')}>
      <h2>{t('devices.simScale')}</h2>
      <select value={role} onChange={(e) => setRole(e.target.value)} aria-label={t('devices.role')}>
        <option value="pack-scale">{t('code.role.pack-scale')}</option>
        <option value="receiving-scale">{t('code.role.receiving-scale')}</option>
      </select>
      <input
        type="range"
        min="0"
        max="50"
        step="0.005"
        value={kg}
        onChange={(e) => setKg(e.target.value)}
        aria-label={t('devices.weightSlider')}
      />
      <input type="number" step="0.001" value={kg} onChange={(e) => setKg(e.target.value)} aria-label={t('devices.weightKg')} /> kg
      <label>
        <input type="checkbox" checked={motion} onChange={(e) => setMotion(e.target.checked)} /> {t('devices.motion')}
      </label>
      <button type="button" onClick={() => void client.attempt('sim.scale.set', { role, valueKg: Number(kg), motion })}>
        {t('devices.setWeight')}
      </button>
    </section>
  );
}
