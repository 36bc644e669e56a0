import { Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LpnView } from '../../../../shared/domain/receiving';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Run } from './useRun';

/** Plates of the open receipt already put away: a putaway is taken back only after saying what it undoes. */
export function UndoPutaway({ lpns, run }: { lpns: LpnView[]; run: Run }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<LpnView | null>(null);
  const placed = lpns.filter((p) => p.location !== null);
  if (placed.length === 0) return null;
  return (
    <div className="row" data-testid="undo-putaway">
      {placed.map((p) => (
        <button key={p.lpn} type="button" data-testid={`undo-putaway-${p.lpn}`} onClick={() => setAsking(p)}>
          <Undo2 aria-hidden size={18} /> {p.lpn}: {t('receiving.undoPutaway.button', { location: p.location })}
        </button>
      ))}
      {asking && (
        <ConfirmDialog
          title={t('receiving.undoPutaway.title', { lpn: asking.lpn })}
          lost={[
            t('receiving.undoPutaway.lostPlace', { location: asking.location, count: asking.items.reduce((s, i) => s + i.qty, 0) }),
            ...(asking.labelsPrinted > 0 ? [t('receiving.undoPutaway.lostLabel', { location: asking.location })] : []),
          ]}
          confirm={t('receiving.undoPutaway.confirm')}
          testId="undo-putaway-confirm"
          onConfirm={() => void run('receiving.lpn.undoPutaway', { lpn: asking.lpn }).then(() => setAsking(null))}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}
