import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingView } from '../../../../shared/domain/receiving';
import { translateMessage } from '../../i18n/messages';
import { useDialogKeys } from '../../ui/keys';
import { PendingApproval } from './PendingApproval';
import type { Run } from './useRun';

/** The scan the station holds back: what it still needs (typed here or scanned), or a supervisor's badge. */
export function PendingPrompt({ pending, run }: { pending: PendingView; run: Run }) {
  const { t } = useTranslation();
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [serial, setSerial] = useState('');
  // Escape drops the held-back scan (an approval prompt does the same for itself).
  useDialogKeys({ cancel: () => void run('receiving.cancelPending', {}) }, pending.kind === 'tracking');

  if (pending.kind === 'approval') return <PendingApproval pending={pending} run={run} />;

  const what = pending.needs.map((n) => t(`receiving.tracked.${n}`)).join(', ');
  const submit = () => {
    const input = {
      ...(lot.trim() ? { lot: lot.trim() } : {}),
      ...(expiry.trim() ? { expiry: expiry.trim() } : {}),
      ...(serial.trim() ? { serial: serial.trim() } : {}),
    };
    if (Object.keys(input).length > 0) void run('receiving.provide', input);
  };
  return (
    <section className="receiving__pending receiving__pending--tracking" role="status" data-testid="receiving-pending" data-kind="tracking">
      <div>
        <strong>{t('receiving.pending.tracking', { what })}</strong> — {translateMessage(t, pending.message)}
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {pending.needs.includes('lot') && (
          <label className="line-card__field receiving__provide">
            {t('receiving.pending.lot')}
            <input value={lot} onChange={(e) => setLot(e.target.value)} maxLength={20} data-testid="provide-lot" />
          </label>
        )}
        {pending.needs.includes('expiry') && (
          <label className="line-card__field receiving__provide">
            {t('receiving.pending.expiry')}
            <input value={expiry} onChange={(e) => setExpiry(e.target.value)} maxLength={10} data-testid="provide-expiry" />
          </label>
        )}
        {pending.needs.includes('serial') && (
          <label className="line-card__field receiving__provide">
            {t('receiving.pending.serial')}
            <input value={serial} onChange={(e) => setSerial(e.target.value)} maxLength={40} data-testid="provide-serial" />
          </label>
        )}
        <button type="submit" className="primary">
          {t('receiving.pending.provide')}
        </button>
        <button type="button" className="action-button" aria-keyshortcuts="Escape" onClick={() => void run('receiving.cancelPending', {})}>
          <kbd className="action-button__key">Esc</kbd> {t('receiving.pending.cancel')}
        </button>
      </form>
    </section>
  );
}
