import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A small inline form: a reason (and optionally a badge) and a submit button; Enter submits. */
export function ReasonForm(props: {
  label: string;
  submit: string;
  testId: string;
  withBadge?: string;
  danger?: boolean;
  disabled?: boolean;
  onSubmit: (reason: string, badge: string) => Promise<boolean> | undefined;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [badge, setBadge] = useState('');
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const done = await props.onSubmit(reason.trim(), badge.trim());
    if (done !== false) {
      setReason('');
      setBadge('');
    }
  };
  return (
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
}
