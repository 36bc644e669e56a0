import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingView } from '../../../../shared/domain/receiving';
import { translateMessage } from '../../i18n/messages';
import { PendingApproval } from './PendingApproval';
import type { Run } from './useRun';

/** The scan the station holds back: what it still needs (typed here or scanned), or a supervisor's badge. */
export function PendingPrompt({ pending, run }: { pending: PendingView; run: Run }) {
  const { t } = useTranslation();
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [serial, setSerial] = useState('');

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
          <input
            value={lot}
            onChange={(e) => setLot(e.target.value)}
            aria-label={t('receiving.pending.lot')}
            placeholder={t('receiving.pending.lot')}
            maxLength={20}
            data-testid="provide-lot"
          />
        )}
        {pending.needs.includes('expiry') && (
          <input
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
            aria-label={t('receiving.pending.expiry')}
            placeholder={t('receiving.pending.expiry')}
            maxLength={10}
            data-testid="provide-expiry"
          />
        )}
        {pending.needs.includes('serial') && (
          <input
            value={serial}
            onChange={(e) => setSerial(e.target.value)}
            aria-label={t('receiving.pending.serial')}
            placeholder={t('receiving.pending.serial')}
            maxLength={40}
            data-testid="provide-serial"
          />
        )}
        <button type="submit" className="primary">
          {t('receiving.pending.provide')}
        </button>
        <button type="button" onClick={() => void run('receiving.cancelPending', {})}>
          {t('receiving.pending.cancel')}
        </button>
      </form>
    </section>
  );
}
