import { Check, ClipboardCheck, Minus, Plus, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionPlanView } from '../../../../shared/contract/counts';
import { useClient, useCommand } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';
import { CameraCapture, type CapturedPhoto } from '../../ui/CameraCapture';
import './inspection.css';

type Answer = { questionId: string; passed: boolean } | { questionId: string; value: number };
/** One unit's answers as the form holds them: checks pass until tapped, measured values as typed. */
type UnitForm = Record<string, boolean | string>;

const freshUnit = (plan: InspectionPlanView): UnitForm =>
  Object.fromEntries(plan.checklist.map((q) => [q.id, q.kind === 'check' ? true : '']));

function answersOf(plan: InspectionPlanView, unit: UnitForm): Answer[] {
  return plan.checklist.flatMap((q): Answer[] => {
    const given = unit[q.id];
    if (q.kind === 'check') return [{ questionId: q.id, passed: given === true }];
    const value = Number(String(given ?? '').replace(',', '.'));
    return String(given ?? '').trim() === '' || !Number.isFinite(value) ? [] : [{ questionId: q.id, value }];
  });
}

/** Items of the open receipt that are inspected at receipt; each opens its checklist, unit by unit, with a photo. */
export function InspectionPanel({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useTranslation();
  const pending = useCommand('inspection.pending', {}, ['workflow.changed']);
  const [open, setOpen] = useState<string | null>(null);
  const items = pending.value ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card inspection" data-testid="inspection-panel">
      <h2>{t('inspection.title')}</h2>
      {items.map((item) => (
        <div key={item.itemId} className="inspection__item">
          <span>{t('inspection.pending', { sku: item.sku })}</span>
          {open !== item.itemId && (
            <button type="button" className="primary" onClick={() => setOpen(item.itemId)} data-testid={`inspect-${item.sku}`}>
              <ClipboardCheck aria-hidden size={24} />
              {t('inspection.open', { sku: item.sku })}
            </button>
          )}
          {open === item.itemId && (
            <InspectionForm
              itemId={item.itemId}
              units={Math.max(1, Math.min(item.open, 50))}
              onClose={() => setOpen(null)}
              onRecorded={() => {
                setOpen(null);
                pending.reload();
                onRecorded();
              }}
            />
          )}
        </div>
      ))}
    </section>
  );
}

function InspectionForm(props: { itemId: string; units: number; onClose: () => void; onRecorded: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const say = useMessage();
  // A scan of the item (its serial, its lot) changes what is inspected: the plan is read again.
  const plan = useCommand('inspection.plan', { itemId: props.itemId }, ['workflow.changed']);
  const [units, setUnits] = useState<UnitForm[] | null>(null);
  const [photo, setPhoto] = useState<CapturedPhoto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const p = plan.value;
  if (!p) return plan.error ? <p className="form-error">{plan.error}</p> : null;
  // A serial-tracked item is inspected one unit per scanned serial; other units carry the latest scan's lot and expiry.
  const serials = p.serialTracked ? p.scanned.map((s) => s.serial ?? '') : null;
  const rows = serials
    ? serials.map((_, i) => units?.[i] ?? freshUnit(p))
    : (units ?? Array.from({ length: props.units }, () => freshUnit(p)));
  const latest = p.scanned.at(-1);
  const tracking =
    latest && !serials
      ? [latest.lot && t('inspection.lot', { lot: latest.lot }), latest.expiry && t('inspection.expiry', { expiry: latest.expiry })]
          .filter(Boolean)
          .join(' · ')
      : '';
  const setUnit = (index: number, questionId: string, value: boolean | string) =>
    setUnits(rows.map((u, i) => (i === index ? { ...u, [questionId]: value } : u)));

  const record = async () => {
    setBusy(true);
    const result = await client.attempt('inspection.record', {
      itemId: props.itemId,
      units: rows.map((u) => ({ answers: answersOf(p, u) })),
      photo,
    });
    setBusy(false);
    if (!result.ok) {
      setError(say(result.error.message));
      return;
    }
    props.onRecorded();
  };

  return (
    <form
      className="inspection__form"
      data-testid="inspection-form"
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {tracking && (
        <p className="inspection__tracking" data-testid="inspection-tracking">
          {tracking}
        </p>
      )}
      {serials?.length === 0 && (
        <p className="inspection__tracking" data-testid="inspection-scan-serials">
          {t('inspection.scanSerials')}
        </p>
      )}
      <div className="inspection__units">
        <table>
          <thead>
            <tr>
              <th>{t('inspection.units')}</th>
              {p.checklist.map((q) => (
                <th key={q.id}>
                  {q.label}
                  {q.kind === 'measure' && q.min !== null && q.max !== null && (
                    <small> ({t('inspection.limits', { min: q.min, max: q.max, unit: q.unit ?? '' })})</small>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((unit, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: units are numbered by their place; the list only grows or shrinks at its end
              <tr key={index} data-testid={`inspection-unit-${index + 1}`}>
                <th scope="row">
                  {t('inspection.unit', { n: index + 1 })}
                  {serials?.[index] ? (
                    <small data-testid={`inspection-unit-${index + 1}-serial`}> {t('inspection.serial', { serial: serials[index] })}</small>
                  ) : null}
                </th>
                {p.checklist.map((q) => (
                  <td key={q.id}>
                    {q.kind === 'check' ? (
                      <button
                        type="button"
                        className={unit[q.id] === true ? 'inspection__pass' : 'inspection__fail'}
                        aria-pressed={unit[q.id] !== true}
                        data-testid={`inspection-unit-${index + 1}-${q.id}`}
                        onClick={() => setUnit(index, q.id, unit[q.id] !== true)}
                      >
                        {unit[q.id] === true ? <Check aria-hidden size={20} /> : <X aria-hidden size={20} />}
                        {unit[q.id] === true ? t('inspection.pass') : t('inspection.fail')}
                      </button>
                    ) : (
                      <label>
                        <span className="visually-hidden">
                          {t('inspection.unit', { n: index + 1 })} {q.label}
                        </span>
                        <input
                          inputMode="decimal"
                          value={String(unit[q.id] ?? '')}
                          onChange={(e) => setUnit(index, q.id, e.target.value)}
                          data-testid={`inspection-unit-${index + 1}-${q.id}`}
                        />
                        {q.unit}
                      </label>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!serials && (
          <div className="row">
            <button type="button" onClick={() => setUnits([...rows, freshUnit(p)])}>
              <Plus aria-hidden size={20} />
              {t('inspection.addUnit')}
            </button>
            <button type="button" disabled={rows.length <= 1} onClick={() => setUnits(rows.slice(0, -1))}>
              <Minus aria-hidden size={20} />
              {t('inspection.removeUnit')}
            </button>
          </div>
        )}
      </div>
      <CameraCapture onChange={setPhoto} testId="inspection-camera" autoStart />
      <div className="row">
        <button type="submit" className="primary inspection__record" disabled={busy || rows.length === 0} data-testid="inspection-record">
          <ClipboardCheck aria-hidden size={28} />
          {t('inspection.record')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('inspection.close')}
        </button>
      </div>
    </form>
  );
}
