import { useTranslation } from 'react-i18next';
import type { PackCarton, PackState } from '../../../../shared/domain/packing';
import { useMessage } from '../../i18n/messages';
import { ReasonForm } from './ReasonForm';
import type { RunPack } from './usePackActions';

const kg = (g: number) => (g / 1000).toFixed(3);

/** The open carton: type (recommended or chosen), weight check with supervisor override, label; the step buttons are the screen's. */
export function CartonPanel({ state, run, busy }: { state: PackState; run: RunPack; busy: boolean }) {
  const { t } = useTranslation();
  const open = state.cartons.find((c) => c.id === state.openCartonId) ?? null;
  const rec = state.recommendation;
  const typeNow = open?.cartonType ?? state.nextCartonType ?? rec?.code ?? '';
  const stopped = state.stop !== null;
  return (
    <section
      className="card pack-carton"
      aria-label={open ? t('packing.carton.title', { seq: open.seq }) : t('packing.carton.next')}
      data-testid="pack-carton"
    >
      <h2>{open ? t('packing.carton.title', { seq: open.seq }) : t('packing.carton.next')}</h2>
      <div className="row">
        <label htmlFor="pack-carton-type">{t('packing.carton.choose')}</label>
        <select
          id="pack-carton-type"
          data-testid="pack-carton-type"
          value={typeNow}
          disabled={busy || stopped || open?.label?.state === 'printed'}
          onChange={(e) => void run('packing.chooseCarton', { cartonType: e.target.value })}
        >
          {typeNow === '' && <option value="">—</option>}
          {state.cartonTypes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} · {c.description}
              {c.code === rec?.code ? ` ${t('packing.carton.recommendedMark')}` : ''}
            </option>
          ))}
        </select>
        <span className="muted" data-testid="pack-recommendation" data-code={rec?.code ?? ''}>
          {rec?.code ? t('packing.carton.recommended', { code: rec.code }) : rec ? t('packing.carton.noneFits') : ''}
          {rec ? ` — ${rec.reason}` : ''}
        </span>
      </div>
      {!open ? <p className="muted">{t('packing.carton.empty')}</p> : <OpenCarton carton={open} run={run} busy={busy} />}
    </section>
  );
}

function OpenCarton({ carton, run, busy }: { carton: PackCarton; run: RunPack; busy: boolean }) {
  const { t } = useTranslation();
  const translate = useMessage();
  const w = carton.weight;
  const label = carton.label;
  const labelled = label?.state === 'printed';
  return (
    <>
      <dl className="facts">
        <dt>{t('packing.carton.sscc')}</dt>
        <dd data-testid="pack-sscc">{carton.sscc}</dd>
        <dt>{t('packing.carton.units')}</dt>
        <dd data-testid="pack-carton-units">{carton.unitCount}</dd>
        <dt>{t('packing.carton.expected')}</dt>
        <dd data-testid="pack-expected" data-grams={carton.expectedG}>
          {kg(carton.expectedG)} kg
        </dd>
      </dl>
      {w && (
        <div className="row">
          <div
            className={`pack-weight pack-weight--${w.status}`}
            data-testid="pack-weight"
            data-status={w.status}
            role={w.status === 'out' ? 'alert' : 'status'}
          >
            <strong>{t(`packing.weight.${w.status}`)}</strong>
            <span className="big-number">{kg(w.actualG)} kg</span>
            <span>
              {t('packing.weight.expected')} {kg(w.expectedG)} kg ± {Math.round(w.toleranceG)} g
            </span>
          </div>
        </div>
      )}
      {w?.status === 'out' && (
        <div className="banner-stop" data-testid="pack-weight-stop">
          <p>{translate(w.message)}</p>
          <h3>{t('packing.override.title')}</h3>
          <ReasonForm
            kind="overWeight"
            label={t('packing.override.reason')}
            approval="packing.overrideWeight"
            submit={t('packing.override.submit')}
            testId="pack-override"
            disabled={busy}
            onSubmit={(reason, approval) => (approval ? run('packing.overrideWeight', { ...approval, reason }) : undefined)}
          />
        </div>
      )}
      {label && (
        <div className="row">
          <span data-testid="pack-label" data-state={label.state} data-print={label.printState}>
            {t('packing.label.tracking')}: <strong data-testid="pack-tracking">{label.tracking}</strong>
            {label.state === 'voided' && ` (${t('packing.label.voided')})`}
            {label.fallback && <span className="pack-tag pack-tag--warn"> {t('packing.label.fallback')}</span>}
            {label.printState === 'failed' && (
              <span className="form-error">
                {' '}
                {t('packing.label.printFailed')}: {label.printError}
              </span>
            )}
          </span>
        </div>
      )}
      {labelled && (
        <div className="row">
          <ReasonForm
            kind="reprintLabel"
            label={t('packing.label.reprintReason')}
            submit={t('packing.label.reprint')}
            testId="pack-reprint"
            disabled={busy}
            onSubmit={(reason) => run('packing.reprintLabel', { reason })}
          />
          <ReasonForm
            kind="voidLabel"
            label={t('packing.label.voidReason')}
            submit={t('packing.label.void')}
            testId="pack-void"
            confirm={{
              title: t('destructive.voidLabel.title'),
              lost: [t('destructive.voidLabel.lost', { tracking: label?.tracking ?? '' })],
            }}
            danger
            disabled={busy}
            onSubmit={(reason) => run('packing.voidLabel', { reason })}
          />
        </div>
      )}
      <ul className="list pack-units" data-testid="pack-units">
        {carton.units.map((u) => (
          <li key={u.id}>
            {u.qty} × {u.sku}
            {u.lot ? ` · ${t('packing.lines.lot')} ${u.lot}` : ''}
            {u.serial ? ` · ${t('packing.lines.serial')} ${u.serial}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
