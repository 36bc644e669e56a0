import { useTranslation } from 'react-i18next';
import type { ReceivingFigures } from '../../../../shared/domain/receiving-kpis';
import { useCommand } from '../../api/station-context';

function Figures({ title, f, testId }: { title: string; f: ReceivingFigures; testId: string }) {
  const { t } = useTranslation();
  const d = f.discrepancies;
  return (
    <dl className="receiving-kpi" data-testid={testId}>
      <dt>{title}</dt>
      <dd />
      <dt>{t('returns.kpis.lines')}</dt>
      <dd>
        <span data-testid={`${testId}-lines`}>{f.lines}</span> · {f.linesPerHour}
        {t('returns.kpis.perHour')}
      </dd>
      <dt>{t('returns.kpis.units')}</dt>
      <dd>
        <span data-testid={`${testId}-units`}>{f.units}</span> · {f.unitsPerHour}
        {t('returns.kpis.perHour')}
      </dd>
      <dt>{t('returns.kpis.dockToStock')}</dt>
      <dd data-testid={`${testId}-dock-to-stock`}>
        {f.dockToStockMin === null ? '–' : t('returns.kpis.minutes', { value: f.dockToStockMin })}
      </dd>
      <dt>{t('returns.kpis.discrepancies')}</dt>
      <dd data-testid={`${testId}-discrepancies`}>
        {d.over} / {d.short} / {d.unexpected} / {d.damaged}
      </dd>
      <dt>{t('returns.kpis.weightShare')}</dt>
      <dd>{Math.round(f.weightCountShare * 100)} %</dd>
      <dt>{t('returns.kpis.returns')}</dt>
      <dd data-testid={`${testId}-returns`}>
        {f.returns.returns} ({f.returns.units}) · {f.returns.byDisposition.restock} {t('returns.kpis.restock')}
      </dd>
    </dl>
  );
}

/** Lines and units per hour, dock to stock, discrepancies and returns: the receiver's and the shift's, compact. */
export function ReceivingKpiPanel() {
  const { t } = useTranslation();
  const kpis = useCommand('receiving.kpis', {}, ['workflow.changed']);
  if (!kpis.value) return null;
  return (
    <section className="card receiving-kpis" aria-label={t('returns.kpis.title')} data-testid="receiving-kpis">
      <h2>{t('returns.kpis.title')}</h2>
      <Figures title={t('returns.kpis.you')} f={kpis.value.receiver} testId="kpi-receiver" />
      <Figures title={t('returns.kpis.shift')} f={kpis.value.shift} testId="kpi-receiving-shift" />
    </section>
  );
}
