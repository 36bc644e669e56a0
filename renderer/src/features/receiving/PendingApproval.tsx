import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingView } from '../../../../shared/domain/receiving';
import { translateMessage } from '../../i18n/messages';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { useDialogKeys } from '../../ui/keys';
import type { Run } from './useRun';

/**
 * A scan held back for a supervisor (over-receipt, short shelf life): the next scan is the supervisor's badge. A
 * scanned badge approves at once; a typed badge, or one with a PIN, when Approve is tapped.
 */
export function PendingApproval({ pending, run }: { pending: Extract<PendingView, { kind: 'approval' }>; run: Run }) {
  const { t } = useTranslation();
  const [approval, setApproval] = useState<GivenApproval | null>(null);
  const [attempt, setAttempt] = useState(0);
  const approve = useCallback(
    (given: GivenApproval) => {
      const pin = given.pin === undefined ? {} : { pin: given.pin };
      void run('receiving.approve', 'scanned' in given ? { scanned: true, ...pin } : { badge: given.badge, ...pin }).then((r) => {
        if (!r) setAttempt((n) => n + 1);
      });
    },
    [run],
  );
  const onApproval = useCallback(
    (given: GivenApproval | null) => {
      setApproval(given);
      // A PIN has no end the station can see: with one, the supervisor taps Approve.
      if (given && 'scanned' in given && given.pin === undefined) approve(given);
    },
    [approve],
  );
  // Enter approves with a given approval, Escape drops the held-back scan.
  useDialogKeys({ confirm: () => approval && approve(approval), cancel: () => void run('receiving.cancelPending', {}) });
  return (
    <section className="banner-stop receiving__pending" role="alert" data-testid="receiving-pending" data-kind="approval">
      <div>
        {t('receiving.pending.approval')}: {translateMessage(t, pending.message)}
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (approval) approve(approval);
        }}
      >
        <BadgeApproval key={attempt} purpose="receiving.pending" testId="approve-approval" onChange={onApproval} />
        {approval && (!('scanned' in approval) || approval.pin !== undefined) && (
          <button type="submit" className="primary" data-testid="approve-submit">
            {t('receiving.pending.approve')}
          </button>
        )}
        <button type="button" className="action-button" aria-keyshortcuts="Escape" onClick={() => void run('receiving.cancelPending', {})}>
          <kbd className="action-button__key">Esc</kbd> {t('receiving.pending.cancel')}
        </button>
      </form>
    </section>
  );
}
