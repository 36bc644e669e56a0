import { useTranslation } from 'react-i18next';
import type { KpiFigures } from '../../../../shared/domain/packing';
import { useCommand } from '../../api/station-context';

function Figures({ title, f, testId }: { title: string; f: KpiFigures; testId: string }) {
  const { t } = useTranslation();
  return (
    <dl className="pack-kpi" data-testid={testId}>
      <dt>{title}</dt>
      <dd />
      <dt>{t('packing.kpis.orders')}</dt>
      <dd>
        <span data-testid={`${testId}-orders`}>{f.orders}</span> · {f.ordersPerHour}
        {t('packing.kpis.perHour')}
      </dd>
      <dt>{t('packing.kpis.units')}</dt>
      <dd>
        <span data-testid={`${testId}-units`}>{f.units}</span> · {f.unitsPerHour}
        {t('packing.kpis.perHour')}
      </dd>
      <dt>{t('packing.kpis.scanErrors')}</dt>
      <dd data-testid={`${testId}-scan-errors`}>{f.scanErrors}</dd>
      <dt>{t('packing.kpis.weightExceptions')}</dt>
      <dd data-testid={`${testId}-weight-exceptions`}>{f.weightExceptions}</dd>
    </dl>
  );
}

/** Orders and units per hour, scan errors caught and weight exceptions: the packer's and the shift's. */
export function KpiPanel() {
  const { t } = useTranslation();
  const kpis = useCommand('packing.kpis', {}, ['workflow.changed', 'scan.result']);
  if (!kpis.value) return null;
  return (
    <section className="card pack-kpis" aria-label={t('packing.kpis.title')}>
      <h2>{t('packing.kpis.title')}</h2>
      <Figures title={t('packing.kpis.you')} f={kpis.value.packer} testId="kpi-packer" />
      <Figures title={t('packing.kpis.shift')} f={kpis.value.shift} testId="kpi-shift" />
    </section>
  );
}
