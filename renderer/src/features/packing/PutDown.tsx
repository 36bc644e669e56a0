import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackState } from '../../../../shared/domain/packing';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** What putting the order down throws away: the open carton's units (back to the tote) and its label, if any. */
export function putDownLoss(state: PackState, t: TFunction): string[] {
  const open = state.cartons.find((c) => c.id === state.openCartonId && c.state === 'open');
  const lost: string[] = [];
  if (open && open.unitCount > 0) lost.push(t('destructive.putDown.lost', { count: open.unitCount }));
  if (open?.label && open.label.state === 'printed')
    lost.push(t('destructive.putDown.label', { seq: open.seq, tracking: open.label.tracking }));
  return lost;
}

/** "Put order down", asking first and saying what will be unpacked. */
export function PutDownButton({ state, busy, onConfirm }: { state: PackState; busy: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!state.order) return null;
  const lost = putDownLoss(state, t);
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} disabled={busy} data-testid="pack-leave">
        {t('packing.order.leave')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('destructive.putDown.title', { number: state.order.number })}
          lost={lost}
          confirm={t('destructive.putDown.confirm')}
          testId="pack-leave-confirm"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onConfirm();
          }}
        />
      )}
      {asking && lost.length === 0 && <span className="muted">{t('destructive.putDown.kept')}</span>}
    </>
  );
}
