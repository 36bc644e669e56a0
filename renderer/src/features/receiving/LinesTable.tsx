import { Minus, Plus, Scale } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptLineView, ReceiptView } from '../../../../shared/domain/receiving';
import { Progress, useScannedInView } from '../../ui/TaskLayout';
import type { Run } from './useRun';

/** Typed counts for one line: a labelled quantity with large − / + keys, and a labelled tare for a weight count. */
function LineActions({ itemId, sku, run }: { itemId: string; sku: string; run: Run }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState('');
  const [tare, setTare] = useState('0');
  const count = Number(qty);
  const step = (by: number) => setQty((q) => String(Math.max(0, (Number.parseInt(q, 10) || 0) + by)));
  const qtyId = `qty-input-${itemId}`;
  const tareId = `tare-input-${itemId}`;
  return (
    <div className="line-card__actions receiving__line-actions">
      <div className="stepper">
        <button type="button" className="stepper__button" aria-label={`${t('task.decrease')} ${sku}`} onClick={() => step(-1)}>
          <Minus aria-hidden="true" size={24} />
        </button>
        <label className="line-card__field" htmlFor={qtyId}>
          {t('receiving.qty')}
          <input
            id={qtyId}
            type="number"
            min="1"
            step="1"
            inputMode="numeric"
            className="receiving__qty"
            value={qty}
            onChange={(e) => setQty(e.target.value)}
            data-testid={`qty-${itemId}`}
          />
        </label>
        <button type="button" className="stepper__button" aria-label={`${t('task.increase')} ${sku}`} onClick={() => step(1)}>
          <Plus aria-hidden="true" size={24} />
        </button>
      </div>
      <button
        type="button"
        className="primary"
        disabled={!Number.isInteger(count) || count < 1}
        data-testid={`receive-${itemId}`}
        onClick={() => void run('receiving.receive', { itemId, qty: count }).then((r) => r && setQty(''))}
      >
        {t('receiving.receive')}
      </button>
      <label className="line-card__field" htmlFor={tareId}>
        {t('receiving.tare')}
        <input
          id={tareId}
          type="number"
          min="0"
          step="0.001"
          className="receiving__tare"
          value={tare}
          onChange={(e) => setTare(e.target.value)}
          data-testid={`tare-${itemId}`}
        />
      </label>
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

/** The line the last scan went to (or the one a held-back scan waits on). */
function scannedLine(receipt: ReceiptView): number | null {
  if (receipt.pending) return receipt.lines.find((l) => l.itemId === receipt.pending?.itemId)?.poLineNo ?? null;
  return receipt.scans[0]?.poLineNo ?? null;
}

/**
 * PO lines as the receiver reads them: item, what it needs (lot, expiry, serial), received of ordered with a bar,
 * typed counts. The scanned line is highlighted and kept in view inside the lines area; complete lines fold to the bottom.
 */
export function LinesTable({ receipt, run }: { receipt: ReceiptView; run: Run }) {
  const { t } = useTranslation();
  const scanned = scannedLine(receipt);
  const ref = useScannedInView<HTMLElement>(`${scanned}-${receipt.scans[0]?.id ?? ''}-${receipt.pending?.itemId ?? ''}`);
  const complete = (l: ReceiptLineView) => l.received >= l.ordered;
  const open = receipt.lines.filter((l) => !complete(l));
  const done = receipt.lines.filter(complete);

  const card = (l: ReceiptLineView) => {
    const tracked = (['lot', 'expiry', 'serial'] as const).filter((k) =>
      k === 'lot' ? l.lotTracked : k === 'expiry' ? l.expiryTracked : l.serialTracked,
    );
    const state = l.received === 0 ? 'open' : l.received < l.ordered ? 'partial' : l.received === l.ordered ? 'done' : 'over';
    const facts = [
      `#${l.poLineNo} · ${l.sku}`,
      l.allowed !== l.ordered ? `${t('receiving.table.allowed')} ${l.allowed}` : '',
      l.damaged ? `${t('receiving.table.damaged')} ${l.damaged}` : '',
      l.onHold ? `${t('receiving.table.onHold')} ${l.onHold}` : '',
      l.asn ? `${t('receiving.table.asnHint')} ${[l.asn.qty, l.asn.lot, l.asn.expiry].filter((x) => x !== null).join(' · ')}` : '',
    ].filter((x) => x !== '');
    return (
      <li
        key={l.poLineNo}
        className={`line-card receiving__line receiving__line--${state}${complete(l) ? ' line-card--done' : ''}`}
        data-testid={`line-${l.poLineNo}`}
        data-received={l.received}
        data-scanned={l.poLineNo === scanned ? 'true' : undefined}
      >
        <div className="line-card__item">
          <div className="line-card__name">
            {l.description}
            {tracked.length > 0 && (
              <span className="line-card__needs receiving__tracked">
                {tracked.map((k) => (
                  <span key={k} className="need-tag">
                    {t(`receiving.tracked.${k}`)}
                  </span>
                ))}
              </span>
            )}
          </div>
          <div className="line-card__meta">{facts.join(' · ')}</div>
        </div>
        <Progress done={l.received} total={l.ordered} testId={`received-${l.poLineNo}`} />
        {!complete(l) && <LineActions itemId={l.itemId} sku={l.sku} run={run} />}
      </li>
    );
  };

  return (
    <section className="receiving__lines-area" aria-label={t('receiving.table.item')} ref={ref}>
      <ul className="line-list receiving__lines" data-testid="receipt-lines">
        {open.map(card)}
        {done.length > 0 && <li className="lines-done-head">{t('task.done', { count: done.length })}</li>}
        {done.map(card)}
      </ul>
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
    </section>
  );
}
