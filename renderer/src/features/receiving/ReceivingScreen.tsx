import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../../shared/domain/master-data';
import { useCommand } from '../../api/station-context';
import { ActionButton, TaskLayout } from '../../ui/TaskLayout';
import { InspectionPanel } from '../inspection/InspectionPanel';
import { BlindReceiptNotice, BlindReceiptStart } from './BlindReceipt';
import { CloseReceipt } from './CloseReceipt';
import { ConditionPicker } from './ConditionPicker';
import { LinesTable } from './LinesTable';
import { LinkBarcode } from './LinkBarcode';
import { LpnPanel } from './LpnPanel';
import { PalletOffer } from './PalletOffer';
import { PendingPrompt } from './PendingPrompt';
import { PoPicker } from './PoPicker';
import { ReceivingKpiPanel } from './ReceivingKpiPanel';
import { RecentScans } from './RecentScans';
import { SplitPallet } from './SplitPallet';
import { UndoPutaway } from './UndoPutaway';
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
  const shownError = error ?? receipt.error;
  const complete = r ? r.lines.filter((l) => l.received >= l.ordered).length : 0;
  const allIn = r !== null && r !== undefined && complete === r.lines.length;

  return (
    <TaskLayout
      titleId="receiving-title"
      className="receiving"
      context={
        r ? (
          <span data-testid="receipt-header" data-receipt={r.receiptId}>
            {t('receiving.title')} — {r.poNumber} · {r.supplier}
            {r.asn
              ? ` · ${t('receiving.asn')} ${r.asn.number}${r.asn.expectedWeightKg !== null ? ` (${t('receiving.asnWeight')} ${r.asn.expectedWeightKg} kg)` : ''}`
              : ''}
          </span>
        ) : (
          t('receiving.title')
        )
      }
      step={
        <span data-testid="receiving-step" data-step={!r ? 'open' : allIn ? 'close' : 'scan'}>
          {!r
            ? t('receiving.start')
            : allIn
              ? t('task.receiving.allIn')
              : t('task.receiving.scan', { done: complete, total: r.lines.length })}
        </span>
      }
      stepTone={allIn ? 'good' : 'info'}
      actions={
        r ? (
          <ActionButton actionKey="F9" testId="close-receipt" next label={t('receiving.close.button')} onClick={() => setClosing(true)} />
        ) : undefined
      }
      alerts={
        shownError || (notice && !r) || r?.blind || r?.pallet || r?.pending || r?.unknownBarcode ? (
          <>
            {shownError && (
              <p className="form-error" role="alert" data-testid="receiving-error">
                {shownError}
              </p>
            )}
            {notice && !r && (
              <p role="status" data-testid="receiving-notice">
                {notice}
              </p>
            )}
            {r?.blind && <BlindReceiptNotice blind={r.blind} />}
            {r?.pallet && <PalletOffer key={r.pallet.sscc} offer={r.pallet} run={run} />}
            {r?.pending && <PendingPrompt key={`${r.pending.kind}-${r.pending.itemId}`} pending={r.pending} run={run} />}
            {r?.unknownBarcode && <LinkBarcode code={r.unknownBarcode} lines={r.lines} run={run} />}
          </>
        ) : undefined
      }
      side={
        r ? (
          <>
            <LpnPanel lpns={r.lpns} run={run} />
            <SplitPallet lpns={r.lpns} run={run} />
            <UndoPutaway lpns={r.lpns} run={run} />
            <ConditionPicker next={r.nextCondition} run={run} />
            <RecentScans scans={r.scans} run={run} />
          </>
        ) : undefined
      }
    >
      {!r ? (
        <>
          <PoPicker run={run} />
          <BlindReceiptStart run={run} />
          <ReceivingKpiPanel />
        </>
      ) : (
        <>
          <InspectionPanel key={r.receiptId} onRecorded={receipt.reload} />
          <LinesTable receipt={r} run={run} />
        </>
      )}
      {r && closing && (
        <div className="task-dialog">
          <CloseReceipt
            run={run}
            onDone={(closed) => {
              setClosing(false);
              if (closed) setNotice(t('receiving.close.closed'));
            }}
          />
        </div>
      )}
    </TaskLayout>
  );
}
