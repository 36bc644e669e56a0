import { Check } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackState } from '../../../../shared/domain/packing';
import type { RunPack } from './usePackActions';

/** Order lines with what is packed and left; quantity keys on the line the last scan verified. */
export function LinesTable({ state, run }: { state: PackState; run: RunPack }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState('');
  const keyLine = state.allowQuantityKeys
    ? state.lines.find((l) => l.lineNo === state.lastScannedLineNo && l.remaining > 0 && !l.serialTracked)
    : undefined;
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!keyLine) return;
    if (await run('packing.quantity', { lineNo: keyLine.lineNo, qty: Number(qty) })) setQty('');
  };
  return (
    <section className="card pack-lines" aria-label={t('packing.lines.title')}>
      <table className="table" data-testid="pack-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('packing.lines.sku')}</th>
            <th>{t('packing.lines.description')}</th>
            <th>{t('packing.lines.ordered')}</th>
            <th>{t('packing.lines.packed')}</th>
            <th>{t('packing.lines.left')}</th>
          </tr>
        </thead>
        <tbody>
          {state.lines.map((l) => (
            <tr
              key={l.lineNo}
              data-testid={`pack-line-${l.lineNo}`}
              data-left={l.remaining}
              className={l.remaining === 0 ? 'done' : l.lineNo === state.lastScannedLineNo ? 'current' : ''}
            >
              <td>{l.lineNo}</td>
              <td>{l.sku}</td>
              <td>
                {l.description}
                {l.serialTracked && <span className="pack-tag">{t('packing.lines.serial')}</span>}
                {l.lotTracked && <span className="pack-tag">{t('packing.lines.lot')}</span>}
              </td>
              <td>{l.qty}</td>
              <td className="pack-count" data-testid={`pack-line-${l.lineNo}-packed`}>
                {l.packed}
              </td>
              <td className="pack-count">{l.remaining === 0 ? <Check aria-label="0" size={20} /> : l.remaining}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {keyLine && keyLine.remaining > 0 && (
        <form className="row" onSubmit={(e) => void add(e)} data-testid="pack-qty-form">
          <label htmlFor="pack-qty">{t('packing.qty.label', { line: keyLine.lineNo })}</label>
          <input
            id="pack-qty"
            type="number"
            min={1}
            max={keyLine.remaining}
            value={qty}
            onChange={(e) => setQty(e.target.value)}
            data-testid="pack-qty"
          />
          <button type="submit" className="primary" disabled={!(Number(qty) >= 1)}>
            {t('packing.qty.add')}
          </button>
        </form>
      )}
    </section>
  );
}
