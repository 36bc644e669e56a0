import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseSummary } from '../../../../shared/domain/receiving';
import { OptionalPin } from '../../ui/PinKeypad';
import type { Run } from './useRun';

/** The discrepancy summary and the close, with a supervisor's badge when anything differs. */
export function CloseReceipt({ run, onDone }: { run: Run; onDone: (closed: boolean) => void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<CloseSummary | null>(null);
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [report, setReport] = useState(false);
  useEffect(() => {
    void run('receiving.closePreview', {}).then(setSummary);
  }, [run]);
  if (!summary) return null;
  return (
    <section className="card receiving__close" role="dialog" aria-label={t('receiving.close.title')} data-testid="close-dialog">
      <h2>{t('receiving.close.title')}</h2>
      <table className="table" data-testid="close-summary">
        <thead>
          <tr>
            <th>{t('receiving.table.item')}</th>
            <th>{t('receiving.table.ordered')}</th>
            <th>{t('receiving.table.received')}</th>
            <th>{t('receiving.table.damaged')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {summary.lines.map((l) => (
            <tr
              key={`${l.poLineNo ?? 'x'}-${l.itemId}`}
              className={`receiving__kind--${l.kind}`}
              data-kind={l.kind}
              data-testid={`close-line-${l.itemId}`}
            >
              <td>{l.sku}</td>
              <td>{l.ordered}</td>
              <td>{l.received}</td>
              <td>{l.damaged || ''}</td>
              <td>
                <strong>{t(`receiving.close.kind.${l.kind}`)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={summary.needsApproval ? 'receiving__warn' : ''}>
        {summary.needsApproval ? t('receiving.close.needsApproval') : t('receiving.close.noDiscrepancies')}
      </p>
      {summary.openLpns.length > 0 && <p className="muted">{t('receiving.close.openLpns', { lpns: summary.openLpns.join(', ') })}</p>}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const approval = badge.trim() ? { supervisorBadge: badge.trim(), ...(pin ? { supervisorPin: pin } : {}) } : {};
          void run('receiving.close', { ...approval, printReport: report }).then((r) => r && onDone(true));
        }}
      >
        {summary.needsApproval && (
          <input
            type="password"
            value={badge}
            onChange={(e) => setBadge(e.target.value)}
            aria-label={t('receiving.close.badge')}
            placeholder={t('receiving.close.badge')}
            autoComplete="off"
            data-testid="close-badge"
          />
        )}
        {summary.needsApproval && <OptionalPin value={pin} onChange={setPin} testId="close-pin" />}
        <label className="receiving__radio">
          <input type="checkbox" checked={report} onChange={(e) => setReport(e.target.checked)} /> {t('receiving.close.report')}
        </label>
        <button type="submit" className="primary big-button" data-testid="close-confirm" disabled={summary.needsApproval && !badge.trim()}>
          {t('receiving.close.confirm')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('receiving.close.cancel')}
        </button>
      </form>
    </section>
  );
}
