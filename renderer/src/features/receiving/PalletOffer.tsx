import { Layers, Scale } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PalletOfferView } from '../../../../shared/domain/receiving';
import { translateMessage } from '../../i18n/messages';
import type { Run } from './useRun';
import './pallet.css';

/** Enter is for the offered pallet only when nothing else takes it: no focus, or an empty text field (the scan field). */
function enterIsFree(target: EventTarget | null): boolean {
  if (target === document.body || target === null) return true;
  return target instanceof HTMLInputElement && target.type === 'text' && target.value.trim() === '';
}

/**
 * A supplier pallet the ASN lists with its contents: one large action receives it whole (weighed first; Enter or a
 * second scan of its SSCC does the same). While its sample is counted, the progress; scans count the sample.
 */
export function PalletOffer({ offer, run }: { offer: PalletOfferView; run: Run }) {
  const { t } = useTranslation();
  const receive = offer.stage === 'offer';
  useEffect(() => {
    if (!receive) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.repeat || !enterIsFree(e.target)) return;
      e.preventDefault();
      void run('receiving.pallet.receive', { sscc: offer.sscc });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [receive, offer.sscc, run]);

  return (
    <section
      className="pallet-offer"
      role="status"
      aria-label={t('receiving.pallet.title', { sscc: offer.sscc })}
      data-testid="pallet-offer"
      data-stage={offer.stage}
    >
      <div className="pallet-offer__text">
        <strong>
          <Layers aria-hidden size={22} /> {t('receiving.pallet.title', { sscc: offer.sscc })}
        </strong>
        <span data-testid="pallet-offer-message">{translateMessage(t, offer.message)}</span>
        <span className="pallet-offer__facts">
          {offer.lines.map((l) => `${l.qty} × ${l.sku}${l.lot ? ` (${l.lot})` : ''}`).join(' · ')}
          {offer.expectedKg !== null ? ` · ${t('receiving.pallet.expected')} ${offer.expectedKg} kg` : ''}
          {offer.weighedKg !== null ? ` · ${t('receiving.pallet.weighed')} ${offer.weighedKg} kg` : ''}
        </span>
        {offer.sample && (
          <progress
            className="pallet-offer__progress"
            max={offer.sample.needed}
            value={offer.sample.counted}
            aria-label={t('receiving.pallet.sample', { counted: offer.sample.counted, needed: offer.sample.needed })}
            data-testid="pallet-sample"
          />
        )}
      </div>
      <div className="pallet-offer__actions">
        {receive && (
          <button
            type="button"
            className="primary big-button"
            data-testid="pallet-receive"
            title={t('receiving.pallet.receiveHint')}
            onClick={() => void run('receiving.pallet.receive', { sscc: offer.sscc })}
          >
            <Scale aria-hidden size={24} /> {t('receiving.pallet.receive')}
          </button>
        )}
        <button type="button" data-testid="pallet-drop" onClick={() => void run('receiving.pallet.drop', {})}>
          {t('receiving.pallet.unitByUnit')}
        </button>
      </div>
    </section>
  );
}
