import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackState } from '../../../../shared/domain/packing';
import { ReasonForm } from './ReasonForm';
import type { RunPack } from './usePackActions';

/** Short and damaged items: replace a damaged unit, or send the order to the problem shelf. */
export function ExceptionsPanel({ state, run, busy }: { state: PackState; run: RunPack; busy: boolean }) {
  const { t } = useTranslation();
  const [lineNo, setLineNo] = useState<number>(state.lines[0]?.lineNo ?? 1);
  const [inCarton, setInCarton] = useState(false);
  const open = state.cartons.find((c) => c.id === state.openCartonId);
  const unitInCarton = open?.units.filter((u) => u.lineNo === lineNo).at(-1);
  return (
    <details className="card pack-exceptions" data-testid="pack-exceptions">
      <summary>{t('packing.exceptions.title')}</summary>
      <div className="row">
        <label htmlFor="pack-exception-line">{t('packing.exceptions.line')}</label>
        <select
          id="pack-exception-line"
          value={lineNo}
          onChange={(e) => setLineNo(Number(e.target.value))}
          data-testid="pack-exception-line"
        >
          {state.lines.map((l) => (
            <option key={l.lineNo} value={l.lineNo}>
              {l.lineNo} · {l.sku} · {l.description}
            </option>
          ))}
        </select>
      </div>
      <h3>{t('packing.exceptions.short')}</h3>
      <ReasonForm
        kind="shortPack"
        label={t('packing.exceptions.reason')}
        submit={t('packing.exceptions.problem')}
        testId="pack-short"
        danger
        disabled={busy}
        onSubmit={(reason) => run('packing.short', { lineNo, reason })}
      />
      <h3>{t('packing.exceptions.damaged')}</h3>
      {unitInCarton && (
        <label className="row">
          <input type="checkbox" checked={inCarton} onChange={(e) => setInCarton(e.target.checked)} /> {t('packing.exceptions.inCarton')}
        </label>
      )}
      <ReasonForm
        kind="damaged"
        label={t('packing.exceptions.reason')}
        submit={t('packing.exceptions.replace')}
        testId="pack-damaged-replace"
        disabled={busy}
        onSubmit={(reason) =>
          run('packing.damaged', { lineNo, reason, action: 'replace', ...(inCarton && unitInCarton ? { unitId: unitInCarton.id } : {}) })
        }
      />
      <ReasonForm
        kind="damaged"
        label={t('packing.exceptions.reason')}
        submit={t('packing.exceptions.problem')}
        testId="pack-damaged-problem"
        danger
        disabled={busy}
        onSubmit={(reason) =>
          run('packing.damaged', { lineNo, reason, action: 'problem', ...(inCarton && unitInCarton ? { unitId: unitInCarton.id } : {}) })
        }
      />
    </details>
  );
}
