import { type FormEvent, useCallback, useState } from 'react';
import type { ApprovalPurpose } from '../../../../shared/contract/station';
import type { ReasonKind } from '../../../../shared/domain/master-data';
import { BadgeApproval, type GivenApproval } from '../../ui/BadgeApproval';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDialogKeys } from '../../ui/keys';
import { SiteReasonChips } from '../../ui/ReasonChips';

/** Reasons shorter than this are refused by the core; the button waits for a longer one. */
const MIN_REASON = 3;

/**
 * A reason from the site's chips (or typed under "Other…"), a supervisor's badge where `approval` names what it
 * approves, and a submit button; with `confirm`, a dialog says what will be lost before anything is sent.
 */
export function ReasonForm(props: {
  kind: ReasonKind;
  label: string;
  submit: string;
  testId: string;
  approval?: ApprovalPurpose;
  danger?: boolean;
  disabled?: boolean;
  confirm?: { title: string; lost: string[] };
  onSubmit: (reason: string, approval: GivenApproval | null) => Promise<boolean> | undefined;
}) {
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<GivenApproval | null>(null);
  const [asking, setAsking] = useState(false);
  // Each new round (after a success or a refused approval) starts with fresh chips and a fresh badge prompt.
  const [round, setRound] = useState(0);
  const onApproval = useCallback((given: GivenApproval | null) => setApproval(given), []);
  const ready = reason.length >= MIN_REASON && (props.approval === undefined || approval !== null);

  const send = async () => {
    setAsking(false);
    const done = await props.onSubmit(reason, approval);
    if (done !== false) setReason('');
    setApproval(null);
    setRound((n) => n + 1);
  };
  const go = () => {
    if (!ready || props.disabled) return;
    if (props.confirm) setAsking(true);
    else void send();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go();
  };
  // Once a reason is chosen the form is the open question: Enter sends it, Escape starts it over.
  useDialogKeys(
    {
      confirm: go,
      cancel: () => {
        setReason('');
        setApproval(null);
        setRound((n) => n + 1);
      },
    },
    reason !== '' && !asking,
  );
  return (
    <form className="pack-reason" onSubmit={submit} data-testid={props.testId} aria-label={props.label}>
      <SiteReasonChips
        key={`chips-${round}`}
        kind={props.kind}
        label={props.label}
        testId={`${props.testId}-reason`}
        onChange={setReason}
      />
      {/* The next scan counts as a badge only once a reason is chosen: until then scans are goods. */}
      {props.approval !== undefined && reason.length >= MIN_REASON && (
        <BadgeApproval key={`approval-${round}`} purpose={props.approval} testId={`${props.testId}-approval`} onChange={onApproval} />
      )}
      <button
        type="submit"
        className={props.danger ? 'danger' : 'primary'}
        disabled={props.disabled || !ready}
        data-testid={`${props.testId}-submit`}
      >
        {props.submit}
      </button>
      {asking && props.confirm && (
        <ConfirmDialog
          title={props.confirm.title}
          lost={props.confirm.lost}
          confirm={props.submit}
          testId={`${props.testId}-confirm`}
          onConfirm={() => void send()}
          onCancel={() => setAsking(false)}
        />
      )}
    </form>
  );
}
