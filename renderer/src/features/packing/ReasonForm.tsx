import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OptionalPin } from '../../ui/PinKeypad';

/** A small inline form: a reason (and optionally a badge, with a PIN where the site asks) and a submit button; Enter submits. */
export function ReasonForm(props: {
  label: string;
  submit: string;
  testId: string;
  withBadge?: string;
  danger?: boolean;
  disabled?: boolean;
  onSubmit: (reason: string, badge: string, pin?: string) => Promise<boolean> | undefined;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const done = await props.onSubmit(reason.trim(), badge.trim(), pin || undefined);
    setPin('');
    if (done !== false) {
      setReason('');
      setBadge('');
    }
  };
  const form = (
    <form className="pack-reason row" onSubmit={(e) => void send(e)} data-testid={props.testId} aria-label={props.label}>
      {props.withBadge !== undefined && (
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={badge}
          onChange={(e) => setBadge(e.target.value)}
          aria-label={props.withBadge}
          placeholder={props.withBadge}
          data-testid={`${props.testId}-badge`}
        />
      )}
      <input
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-label={props.label}
        placeholder={`${props.label} — ${t('packing.reason.placeholder')}`}
        data-testid={`${props.testId}-reason`}
      />
      <button
        type="submit"
        className={props.danger ? 'danger' : 'primary'}
        disabled={props.disabled || reason.trim().length < 3 || (props.withBadge !== undefined && badge.trim() === '')}
      >
        {props.submit}
      </button>
    </form>
  );
  if (props.withBadge === undefined) return form;
  // The PIN keypad sits beside the form, not in it: its keys are buttons, and the form has one, its submit.
  return (
    <div className="row">
      {form}
      <OptionalPin value={pin} onChange={setPin} testId={`${props.testId}-pin`} />
    </div>
  );
}
