import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonKind } from '../../../shared/domain/master-data';
import { useCommand } from '../api/station-context';
import './approval.css';

const OTHER = '\u0000other';

/** The site's reasons of `kind` as chips; typed text only while they load or where the site has none. */
export function SiteReasonChips(props: { kind: ReasonKind; label: string; testId: string; onChange: (reason: string) => void }) {
  const { value } = useCommand('site.reasons', {});
  if (!value) return null;
  return <ReasonChips reasons={value[props.kind] ?? []} label={props.label} testId={props.testId} onChange={props.onChange} />;
}

/**
 * A reason picked from a list with one tap, or "Other…" with typed text. `onChange` gets the reason, or '' while
 * none is complete.
 */
export function ReasonChips(props: { reasons: readonly string[]; label: string; testId: string; onChange: (reason: string) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(props.reasons.length === 0 ? OTHER : null);
  const [other, setOther] = useState('');
  const pick = (value: string) => {
    setPicked(value);
    props.onChange(value === OTHER ? other.trim() : value);
  };
  return (
    <div className="reason-chips-field">
      <fieldset className="reason-chips" data-testid={props.testId}>
        <legend>{props.label}</legend>
        {props.reasons.map((reason) => (
          <button type="button" key={reason} aria-pressed={picked === reason} onClick={() => pick(reason)}>
            {reason}
          </button>
        ))}
        {props.reasons.length > 0 && (
          <button type="button" aria-pressed={picked === OTHER} onClick={() => pick(OTHER)} data-testid={`${props.testId}-other`}>
            {t('reasons.other')}
          </button>
        )}
      </fieldset>
      {picked === OTHER && (
        <label className="approval__typed">
          <span>{t('reasons.otherText')}</span>
          <input
            value={other}
            onChange={(e) => {
              setOther(e.target.value);
              props.onChange(e.target.value.trim());
            }}
            data-testid={`${props.testId}-text`}
          />
        </label>
      )}
    </div>
  );
}
