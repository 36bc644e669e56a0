import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackLine, PackState } from '../../../../shared/domain/packing';
import { Progress, useScannedInView } from '../../ui/TaskLayout';
import type { RunPack } from './usePackActions';

/**
 * Order lines as the packer reads them: item, what it needs (lot, serial), packed of ordered with a bar. The line the
 * last scan verified is highlighted and kept in view; packed lines fold to the bottom. Quantity keys sit on the
 * scanned line where the site allows them.
 */
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
  const open = state.lines.filter((l) => l.remaining > 0);
  const done = state.lines.filter((l) => l.remaining <= 0);
  const scanned = state.lines.find((l) => l.lineNo === state.lastScannedLineNo);
  const ref = useScannedInView<HTMLElement>(`${state.lastScannedLineNo}-${scanned?.packed ?? ''}`);

  const card = (l: PackLine) => (
    <li
      key={l.lineNo}
      className={`line-card${l.remaining <= 0 ? ' line-card--done done' : ''}${l.lineNo === state.lastScannedLineNo ? ' current' : ''}`}
      data-testid={`pack-line-${l.lineNo}`}
      data-left={l.remaining}
      data-scanned={l.lineNo === state.lastScannedLineNo ? 'true' : undefined}
    >
      <div className="line-card__item">
        <div className="line-card__name">
          {l.description}
          {(l.serialTracked || l.lotTracked) && (
            <span className="line-card__needs">
              {l.serialTracked && <span className="need-tag">{t('packing.lines.serial')}</span>}
              {l.lotTracked && <span className="need-tag">{t('packing.lines.lot')}</span>}
            </span>
          )}
        </div>
        <div className="line-card__meta">
          #{l.lineNo} · {l.sku} · {t('packing.lines.left')}: {l.remaining}
        </div>
      </div>
      <Progress done={l.packed} total={l.qty} testId={`pack-line-${l.lineNo}-packed`} />
      {keyLine?.lineNo === l.lineNo && (
        <form className="line-card__actions" onSubmit={(e) => void add(e)} data-testid="pack-qty-form">
          <label className="line-card__field" htmlFor="pack-qty">
            {t('packing.qty.label', { line: keyLine.lineNo })}
            <input
              id="pack-qty"
              type="number"
              min={1}
              max={keyLine.remaining}
              value={qty}
              onChange={(e) => setQty(e.target.value)}
              data-testid="pack-qty"
            />
          </label>
          <button type="submit" className="primary" disabled={!(Number(qty) >= 1)}>
            {t('packing.qty.add')}
          </button>
        </form>
      )}
    </li>
  );

  return (
    <section className="pack-lines" aria-label={t('packing.lines.title')} ref={ref}>
      <ul className="line-list" data-testid="pack-lines">
        {open.map(card)}
        {done.length > 0 && <li className="lines-done-head">{t('task.done', { count: done.length })}</li>}
        {done.map(card)}
      </ul>
    </section>
  );
}
