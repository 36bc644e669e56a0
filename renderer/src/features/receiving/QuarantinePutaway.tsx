import { ShieldAlert } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LpnView } from '../../../../shared/domain/receiving';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Run } from './useRun';
import './pallet.css';

/**
 * A plate put away to quarantine: first said what goes there and is held (cancel keeps everything as it was), then a
 * supervisor's badge scan, then the putaway. Without `location` the core takes the plate's best place (quarantine,
 * when it carries held goods). `onDone` tells whether the plate was put away.
 */
export function QuarantinePutaway({
  plate,
  location,
  run,
  onDone,
}: {
  plate: LpnView;
  location?: string;
  run: Run;
  onDone: (putAway: boolean) => void;
}) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const [approval, setApproval] = useState<GivenApproval | null>(null);
  const [attempt, setAttempt] = useState(0);
  const onApproval = useCallback((given: GivenApproval | null) => setApproval(given), []);
  const approveRef = useRef<HTMLDivElement>(null);
  // The badge prompt and its button come into view where the plate's card scrolled them out of it.
  useEffect(() => {
    if (confirmed) approveRef.current?.scrollIntoView({ block: 'nearest' });
  }, [confirmed]);
  const total = plate.items.reduce((s, i) => s + i.qty, 0);
  const good = plate.items.filter((i) => !i.onHold);
  const lost = [
    t('receiving.split.lostAll', { count: total, lpn: plate.lpn }),
    ...(good.length > 0
      ? [t('receiving.split.lostGood', { count: good.reduce((s, i) => s + i.qty, 0), skus: good.map((i) => i.sku).join(', ') })]
      : []),
  ];
  if (!confirmed)
    return (
      <ConfirmDialog
        title={t('receiving.split.confirmTitle', { lpn: plate.lpn })}
        lost={lost}
        confirm={t('receiving.split.confirm')}
        testId="quarantine-confirm"
        onConfirm={() => setConfirmed(true)}
        onCancel={() => onDone(false)}
      />
    );
  const given = approval === null ? {} : 'scanned' in approval ? { supervisorScanned: true as const } : { supervisorBadge: approval.badge };
  const pin = approval?.pin === undefined ? {} : { supervisorPin: approval.pin };
  const target = location === undefined ? {} : { location };
  return (
    <div ref={approveRef} className="split-pallet__approve" data-testid="quarantine-approve">
      <p>{t('receiving.split.approve')}</p>
      <BadgeApproval key={attempt} purpose="receiving.quarantine" testId="quarantine-approval" onChange={onApproval} />
      <div className="row">
        <button
          type="button"
          className="primary big-button"
          data-testid="quarantine-putaway"
          disabled={approval === null}
          onClick={() =>
            void run('receiving.lpn.putaway', { lpn: plate.lpn, ...target, ...given, ...pin }).then((r) => {
              if (r) onDone(true);
              else setAttempt((n) => n + 1);
            })
          }
        >
          <ShieldAlert aria-hidden size={22} /> {t('receiving.split.putAway')}
        </button>
        <button type="button" className="big-button" data-testid="quarantine-cancel" onClick={() => onDone(false)}>
          {t('confirmDialog.cancel')}
        </button>
      </div>
    </div>
  );
}
