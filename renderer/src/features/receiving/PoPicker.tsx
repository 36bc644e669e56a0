import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/station-context';
import type { Run } from './useRun';

/** No receipt open: scan a reference, type one, or pick an open PO. */
export function PoPicker({ run }: { run: Run }) {
  const { t } = useTranslation();
  const orders = useCommand('receiving.purchaseOrders', {}, ['workflow.changed']);
  const [reference, setReference] = useState('');
  return (
    <section aria-label={t('receiving.openOrders')}>
      <form
        className="row receiving__reference"
        onSubmit={(e) => {
          e.preventDefault();
          if (reference.trim()) void run('receiving.open', { reference: reference.trim() }).then((r) => r && setReference(''));
        }}
      >
        <label className="line-card__field">
          {t('receiving.reference')}
          <input value={reference} onChange={(e) => setReference(e.target.value)} data-testid="receiving-reference" />
        </label>
        <button type="submit" className="primary">
          {t('receiving.open')}
        </button>
      </form>
      <h2>{t('receiving.openOrders')}</h2>
      {orders.value?.length === 0 && <p className="muted">{t('receiving.noOrders')}</p>}
      <div className="receiving__orders">
        {orders.value?.map((po) => (
          <button
            type="button"
            key={po.poId}
            className="receiving__order"
            data-testid={`po-${po.poId}`}
            onClick={() => void run('receiving.open', { reference: po.poId })}
          >
            <strong>{po.number}</strong>
            <span>{po.supplier}</span>
            <span className="muted">
              {t('receiving.lines', { count: po.lineCount })}
              {po.expectedDate ? ` · ${t('receiving.expected', { date: po.expectedDate })}` : ''}
              {po.asns.length > 0 ? ` · ${po.asns.map((a) => a.number).join(', ')}` : ''}
            </span>
            {po.receiptOpen && <span className="receiving__badge">{t('receiving.resume')}</span>}
          </button>
        ))}
      </div>
    </section>
  );
}
