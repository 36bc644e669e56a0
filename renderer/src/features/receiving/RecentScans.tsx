import { Ban, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReceivedScanView } from '../../../../shared/domain/receiving';
import type { Run } from './useRun';

export function RecentScans({ scans, run }: { scans: ReceivedScanView[]; run: Run }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-label={t('receiving.scans.title')}>
      <h2>{t('receiving.scans.title')}</h2>
      <button
        type="button"
        className="danger"
        data-testid="receiving-undo"
        disabled={scans.length === 0}
        onClick={() => void run('receiving.undo', {})}
      >
        <Undo2 aria-hidden="true" size={18} /> {t('receiving.scans.undo')}
      </button>
      {scans.length === 0 ? (
        <p className="muted">{t('receiving.scans.none')}</p>
      ) : (
        <ul className="list receiving__scans" data-testid="receiving-scans">
          {scans.slice(0, 8).map((s) => (
            <li key={s.id}>
              <span>
                <strong>
                  {s.qty} × {s.sku}
                </strong>
                {s.lot ? ` · ${s.lot}` : ''}
                {s.expiry ? ` · ${s.expiry}` : ''}
                {s.serial ? ` · ${s.serial}` : ''}
                {s.condition !== 'good' ? ` · ${t(`receiving.condition.${s.condition}`)}` : ''}
                {s.onHold ? (
                  <>
                    {' '}
                    <Ban aria-hidden="true" size={16} />
                  </>
                ) : (
                  ''
                )}
                {s.approvedBy ? ` · ${t('receiving.scans.approvedBy', { who: s.approvedBy })}` : ''}
              </span>
              <span className="muted">
                {s.lpn ?? ''} {s.at.slice(11, 19)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
