import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../../../shared/domain/receiving';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import type { Run } from './useRun';

/** An unknown barcode stopped the receiver: a supervisor links it to an item of the receipt by scanning their badge. */
export function LinkBarcode({ code, lines, run }: { code: string; lines: ReceiptView['lines']; run: Run }) {
  const { t } = useTranslation();
  // No item is chosen for the receiver: a wrong link would receive every later scan as the wrong goods.
  const [itemId, setItemId] = useState('');
  const [packQty, setPackQty] = useState('1');
  const [approval, setApproval] = useState<GivenApproval | null>(null);
  const [attempt, setAttempt] = useState(0);
  const onApproval = useCallback((given: GivenApproval | null) => setApproval(given), []);
  return (
    <section className="card receiving__link" aria-label={t('receiving.link.title', { code })} data-testid="link-barcode">
      <h2>{t('receiving.link.title', { code })}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!approval || !itemId) return;
          const pin = approval.pin === undefined ? {} : { supervisorPin: approval.pin };
          void run('receiving.linkBarcode', {
            code,
            itemId,
            packQty: Math.max(1, Math.trunc(Number(packQty)) || 1),
            ...('scanned' in approval ? { supervisorScanned: true as const } : { supervisorBadge: approval.badge }),
            ...pin,
          }).then(() => setAttempt((n) => n + 1));
        }}
      >
        <label className="approval__typed">
          <span>{t('receiving.link.item')}</span>
          <select value={itemId} onChange={(e) => setItemId(e.target.value)} data-testid="link-item">
            <option value="" disabled>
              —
            </option>
            {lines.map((l) => (
              <option key={l.itemId} value={l.itemId}>
                {l.sku} · {l.description}
              </option>
            ))}
          </select>
        </label>
        <label className="approval__typed">
          <span>{t('receiving.link.packQty')}</span>
          <input
            type="number"
            min="1"
            step="1"
            value={packQty}
            onChange={(e) => setPackQty(e.target.value)}
            className="receiving__qty"
            data-testid="link-pack-qty"
          />
        </label>
        {/* Only once an item is chosen does the next scan count as a badge: until then scans are goods. */}
        {itemId && <BadgeApproval key={attempt} purpose="receiving.linkBarcode" testId="link-approval" onChange={onApproval} />}
        <button type="submit" disabled={!itemId || !approval} data-testid="link-submit">
          {t('receiving.link.submit')}
        </button>
      </form>
    </section>
  );
}
