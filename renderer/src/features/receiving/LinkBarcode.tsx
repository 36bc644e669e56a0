import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../../../shared/domain/receiving';
import { OptionalPin } from '../../ui/PinKeypad';
import type { Run } from './useRun';

/** An unknown barcode stopped the receiver: a supervisor may link it to an item here. */
export function LinkBarcode({ code, lines, run }: { code: string; lines: ReceiptView['lines']; run: Run }) {
  const { t } = useTranslation();
  const [itemId, setItemId] = useState(lines[0]?.itemId ?? '');
  const [packQty, setPackQty] = useState('1');
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  return (
    <section className="card receiving__link" aria-label={t('receiving.link.title', { code })} data-testid="link-barcode">
      <h2>{t('receiving.link.title', { code })}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run('receiving.linkBarcode', {
            code,
            itemId: itemId.trim(),
            packQty: Math.max(1, Math.trunc(Number(packQty)) || 1),
            supervisorBadge: badge.trim(),
            ...(pin ? { supervisorPin: pin } : {}),
          }).then((r) => {
            if (!r) return;
            setBadge('');
            setPin('');
          });
        }}
      >
        <input
          list="receiving-link-items"
          value={itemId}
          onChange={(e) => setItemId(e.target.value)}
          aria-label={t('receiving.link.item')}
          placeholder={t('receiving.link.item')}
        />
        <datalist id="receiving-link-items">
          {lines.map((l) => (
            <option key={l.itemId} value={l.itemId}>
              {l.sku}
            </option>
          ))}
        </datalist>
        <input
          type="number"
          min="1"
          step="1"
          value={packQty}
          onChange={(e) => setPackQty(e.target.value)}
          aria-label={t('receiving.link.packQty')}
          className="receiving__qty"
        />
        <input
          type="password"
          value={badge}
          onChange={(e) => setBadge(e.target.value)}
          aria-label={t('receiving.link.badge')}
          placeholder={t('receiving.link.badge')}
          autoComplete="off"
        />
        <OptionalPin value={pin} onChange={setPin} testId="link-pin" />
        <button type="submit" disabled={!itemId.trim() || !badge.trim()}>
          {t('receiving.link.submit')}
        </button>
      </form>
    </section>
  );
}
