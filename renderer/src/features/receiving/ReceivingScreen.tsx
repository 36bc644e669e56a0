import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../../shared/domain/master-data';
import { useCommand } from '../../api/station-context';
import { InspectionPanel } from '../inspection/InspectionPanel';
import { CloseReceipt } from './CloseReceipt';
import { ConditionPicker } from './ConditionPicker';
import { LinesTable } from './LinesTable';
import { LinkBarcode } from './LinkBarcode';
import { LpnPanel } from './LpnPanel';
import { PendingPrompt } from './PendingPrompt';
import { PoPicker } from './PoPicker';
import { RecentScans } from './RecentScans';
import { useRun } from './useRun';
import './receiving.css';

/** The receiving bench: pick or scan a PO, scan goods, build license plates, close with a discrepancy summary. */
export function ReceivingScreen(_props: { operator: Operator }) {
  const { t } = useTranslation();
  const receipt = useCommand('receiving.current', {}, ['workflow.changed']);
  const { run, error } = useRun(receipt.reload);
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const r = receipt.value;

  return (
    <main className="screen receiving" aria-labelledby="receiving-title">
      <h1 id="receiving-title">
        {t('receiving.title')}
        {r ? ` — ${r.poNumber}` : ''}
      </h1>
      {(error ?? receipt.error) && (
        <p className="form-error" role="alert" data-testid="receiving-error">
          {error ?? receipt.error}
        </p>
      )}
      {notice && !r && (
        <p role="status" data-testid="receiving-notice">
          {notice}
        </p>
      )}
      {!r ? (
        <PoPicker run={run} />
      ) : (
        <>
          <section className="card receiving__header" data-testid="receipt-header" data-receipt={r.receiptId}>
            <dl className="facts">
              <dt>{t('receiving.po')}</dt>
              <dd>{r.poNumber}</dd>
              <dt>{t('receiving.supplier')}</dt>
              <dd>{r.supplier}</dd>
              {r.asn && (
                <>
                  <dt>{t('receiving.asn')}</dt>
                  <dd>
                    {r.asn.number}
                    {r.asn.expectedWeightKg !== null ? ` · ${t('receiving.asnWeight')} ${r.asn.expectedWeightKg} kg` : ''}
                  </dd>
                </>
              )}
            </dl>
            <button type="button" className="big-button" data-testid="close-receipt" onClick={() => setClosing(true)}>
              {t('receiving.close.button')}
            </button>
          </section>
          {r.pending && <PendingPrompt key={`${r.pending.kind}-${r.pending.itemId}`} pending={r.pending} run={run} />}
          {r.unknownBarcode && <LinkBarcode code={r.unknownBarcode} lines={r.lines} run={run} />}
          <InspectionPanel key={r.receiptId} onRecorded={receipt.reload} />
          {closing && (
            <CloseReceipt
              run={run}
              onDone={(closed) => {
                setClosing(false);
                if (closed) setNotice(t('receiving.close.closed'));
              }}
            />
          )}
          <div className="grid-2 receiving__body">
            <div>
              <LinesTable receipt={r} run={run} />
            </div>
            <div>
              <LpnPanel lpns={r.lpns} run={run} />
              <ConditionPicker next={r.nextCondition} run={run} />
              <RecentScans scans={r.scans} run={run} />
            </div>
          </div>
        </>
      )}
    </main>
  );
}
