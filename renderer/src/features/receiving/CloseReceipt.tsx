import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseSummary } from '../../../../shared/domain/receiving';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { useDialogKeys } from '../../ui/keys';
import type { Run } from './useRun';

/** The discrepancy summary and the close, with a supervisor's badge when anything differs. */
export function CloseReceipt({ run, onDone }: { run: Run; onDone: (closed: boolean) => void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<CloseSummary | null>(null);
  const [approval, setApproval] = useState<GivenApproval | null>(null);
  // A refused approval (wrong PIN, badge gone stale) asks for the badge again.
  const [attempt, setAttempt] = useState(0);
  const [report, setReport] = useState(false);
  const onApproval = useCallback((given: GivenApproval | null) => setApproval(given), []);
  useEffect(() => {
    void run('receiving.closePreview', {}).then(setSummary);
  }, [run]);
  const ready = summary !== null && (!summary.needsApproval || approval !== null);
  const confirm = () => {
    if (!summary || !ready) return;
    const given = !summary.needsApproval || !approval ? {} : closeApproval(approval);
    void run('receiving.close', { ...given, printReport: report }).then((r) => {
      if (r) onDone(true);
      else setAttempt((n) => n + 1);
    });
  };
  // Enter closes (once a needed badge is given), Escape keeps the receipt open.
  useDialogKeys({ confirm, cancel: () => onDone(false) });
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
          confirm();
        }}
      >
        {summary.needsApproval && <BadgeApproval key={attempt} purpose="receiving.close" testId="close-approval" onChange={onApproval} />}
        <label className="receiving__radio">
          <input type="checkbox" checked={report} onChange={(e) => setReport(e.target.checked)} /> {t('receiving.close.report')}
        </label>
        <button
          type="submit"
          className="primary big-button action-button"
          data-testid="close-confirm"
          disabled={!ready}
          aria-keyshortcuts="Enter"
        >
          <kbd className="action-button__key">Enter</kbd> {t('receiving.close.confirm')}
        </button>
        <button type="button" className="action-button" onClick={() => onDone(false)} aria-keyshortcuts="Escape" data-testid="close-cancel">
          <kbd className="action-button__key">Esc</kbd> {t('receiving.close.cancel')}
        </button>
      </form>
    </section>
  );
}

function closeApproval(approval: GivenApproval): { supervisorScanned?: true; supervisorBadge?: string; supervisorPin?: string } {
  const pin = approval.pin === undefined ? {} : { supervisorPin: approval.pin };
  return 'scanned' in approval ? { supervisorScanned: true, ...pin } : { supervisorBadge: approval.badge, ...pin };
}
