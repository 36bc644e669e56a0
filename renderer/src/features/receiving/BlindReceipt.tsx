import { PackageOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../../../shared/domain/receiving';
import { useCommand } from '../../api/station-context';
import type { Run } from './useRun';
import './pallet.css';

/** No receipt open: a delivery without PO or ASN is received for a supplier of the site's list. */
export function BlindReceiptStart({ run }: { run: Run }) {
  const { t } = useTranslation();
  const suppliers = useCommand('receiving.suppliers', {}, ['workflow.changed']);
  if (!suppliers.value || suppliers.value.length === 0) return null;
  return (
    <section className="blind-receipt" aria-labelledby="blind-receipt-title" data-testid="blind-start">
      <h2 id="blind-receipt-title">
        <PackageOpen aria-hidden size={22} /> {t('receiving.blind.title')}
      </h2>
      <p className="muted">{t('receiving.blind.hint')}</p>
      <div className="blind-receipt__suppliers">
        {suppliers.value.map((s) => (
          <button
            type="button"
            key={s.id}
            data-testid={`blind-supplier-${s.id}`}
            onClick={() => void run('receiving.blind.open', { supplierId: s.id })}
          >
            {s.name}
            {s.audit ? <span className="blind-receipt__audit">{t('receiving.blind.audited')}</span> : null}
          </button>
        ))}
      </div>
    </section>
  );
}

/** A receipt without PO is open: who it is for, and that a supervisor's badge closes it. */
export function BlindReceiptNotice({ blind }: { blind: NonNullable<ReceiptView['blind']> }) {
  const { t } = useTranslation();
  return (
    <p className="blind-receipt__notice" role="note" data-testid="blind-notice">
      <PackageOpen aria-hidden size={20} /> {t('receiving.blind.notice', { supplier: blind.supplierName })}
    </p>
  );
}
