import { Scale } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../../../shared/domain/receiving';
import type { Run } from './useRun';

function LineActions({ itemId, sku, run }: { itemId: string; sku: string; run: Run }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState('');
  const [tare, setTare] = useState('0');
  const count = Number(qty);
  return (
    <div className="receiving__line-actions">
      <input
        type="number"
        min="1"
        step="1"
        inputMode="numeric"
        className="receiving__qty"
        value={qty}
        onChange={(e) => setQty(e.target.value)}
        aria-label={`${t('receiving.qty')} ${sku}`}
        data-testid={`qty-${itemId}`}
      />
      <button
        type="button"
        disabled={!Number.isInteger(count) || count < 1}
        data-testid={`receive-${itemId}`}
        onClick={() => void run('receiving.receive', { itemId, qty: count }).then((r) => r && setQty(''))}
      >
        {t('receiving.receive')}
      </button>
      <input
        type="number"
        min="0"
        step="0.001"
        className="receiving__tare"
        value={tare}
        onChange={(e) => setTare(e.target.value)}
        aria-label={`${t('receiving.tare')} ${sku}`}
      />
      <button
        type="button"
        data-testid={`weigh-${itemId}`}
        onClick={() => void run('receiving.weighCount', { itemId, tareKg: Number(tare) || 0 })}
      >
        <Scale aria-hidden="true" size={18} /> {t('receiving.weigh')}
      </button>
    </div>
  );
}

export function LinesTable({ receipt, run }: { receipt: ReceiptView; run: Run }) {
  const { t } = useTranslation();
  return (
    <>
      <table className="table receiving__lines" data-testid="receipt-lines">
        <thead>
          <tr>
            <th>{t('receiving.table.line')}</th>
            <th>{t('receiving.table.item')}</th>
            <th>{t('receiving.table.ordered')}</th>
            <th>{t('receiving.table.received')}</th>
            <th>{t('receiving.table.allowed')}</th>
            <th>{t('receiving.table.damaged')}</th>
            <th>{t('receiving.table.onHold')}</th>
            <th>{t('receiving.table.asnHint')}</th>
            <th>{t('receiving.table.count')}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((l) => {
            const state = l.received === 0 ? 'open' : l.received < l.ordered ? 'partial' : l.received === l.ordered ? 'done' : 'over';
            const tracked = (['lot', 'expiry', 'serial'] as const).filter((k) =>
              k === 'lot' ? l.lotTracked : k === 'expiry' ? l.expiryTracked : l.serialTracked,
            );
            return (
              <tr
                key={l.poLineNo}
                className={`receiving__line receiving__line--${state}`}
                data-testid={`line-${l.poLineNo}`}
                data-received={l.received}
              >
                <td>{l.poLineNo}</td>
                <td>
                  <strong>{l.sku}</strong> <span className="muted">{l.description}</span>
                  {tracked.length > 0 && (
                    <div className="receiving__tracked">{tracked.map((k) => t(`receiving.tracked.${k}`)).join(' · ')}</div>
                  )}
                </td>
                <td>{l.ordered}</td>
                <td className="big-number" data-testid={`received-${l.poLineNo}`}>
                  {l.received}
                </td>
                <td>{l.allowed}</td>
                <td>{l.damaged || ''}</td>
                <td>{l.onHold || ''}</td>
                <td className="muted">{l.asn ? [l.asn.qty, l.asn.lot, l.asn.expiry].filter((x) => x !== null).join(' · ') : ''}</td>
                <td>
                  <LineActions itemId={l.itemId} sku={l.sku} run={run} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {receipt.unexpected.length > 0 && (
        <section className="card" aria-label={t('receiving.unexpected')}>
          <h2>{t('receiving.unexpected')}</h2>
          <ul className="list">
            {receipt.unexpected.map((u) => (
              <li key={u.itemId} data-testid={`unexpected-${u.itemId}`}>
                <span>
                  <strong>{u.sku}</strong> {u.description}
                </span>
                <span className="big-number">{u.received}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
