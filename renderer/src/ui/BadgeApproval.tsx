import { BadgeCheck, KeyRound, ScanLine } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalPurpose } from '../../../shared/contract/station';
import { useClient, useEvent } from '../api/station-context';
import { useDialogKeys } from './keys';
import { PinKeypad } from './PinKeypad';
import './approval.css';

/** What the supervisor gave: the badge scanned for this approval, or typed; with a PIN where the site asks. */
export type GivenApproval = { scanned: true; pin?: string } | { badge: string; pin?: string };

/** The length of a PIN the keypad takes as complete enough to send; the core judges it. */
const PIN_MIN_DIGITS = 4;

type State =
  | { kind: 'waiting' }
  | { kind: 'typing'; badge: string; pin: string }
  | { kind: 'scanned'; name: string; pinRequired: boolean; pin: string };

/**
 * "Supervisor: scan your badge": while shown, the station takes the next scan as the badge for `purpose` (never as
 * goods); a badge can also be typed. `onChange` gets the approval once it is complete (badge, and PIN where asked),
 * null while it is not. Remount it (a new `key`) to ask again after a refused approval.
 */
export function BadgeApproval(props: { purpose: ApprovalPurpose; testId: string; onChange: (approval: GivenApproval | null) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'waiting' });
  const { purpose, onChange } = props;

  useEffect(() => {
    void client.attempt('approval.await', { purpose });
    return () => void client.attempt('approval.cancel', {});
  }, [client, purpose]);

  useEvent('approval.scanned', (scanned) => {
    if (scanned.purpose === purpose)
      setState({ kind: 'scanned', name: scanned.supervisor.name, pinRequired: scanned.pinRequired, pin: '' });
  });

  // Told once per change of the approval, not again when the parent passes a new callback.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    onChangeRef.current(completeApproval(state));
  }, [state]);

  const waitAgain = () => {
    setState({ kind: 'waiting' });
    void client.attempt('approval.await', { purpose });
  };
  // Escape leaves typing and waits for a badge scan again; a scanned badge leaves Enter to the form it approves.
  useDialogKeys({ cancel: waitAgain }, state.kind === 'typing');

  if (state.kind === 'scanned') {
    const ready = !state.pinRequired || state.pin.length >= PIN_MIN_DIGITS;
    return (
      <div
        className={`approval approval--${ready ? 'approved' : 'needs-input'}`}
        data-testid={props.testId}
        data-state={ready ? 'approved' : 'pin'}
      >
        <div className="approval__line">
          {ready ? <BadgeCheck aria-hidden size={36} /> : <KeyRound aria-hidden size={36} />}
          <strong>{ready ? t('approval.approvedBy', { name: state.name }) : t('approval.typePin', { name: state.name })}</strong>
          <button type="button" onClick={waitAgain} data-testid={`${props.testId}-again`}>
            {t('approval.again')}
          </button>
        </div>
        {state.pinRequired && (
          <PinKeypad
            value={state.pin}
            onChange={(pin) => setState({ ...state, pin })}
            label={t('approval.pin')}
            testId={`${props.testId}-pin`}
          />
        )}
      </div>
    );
  }

  if (state.kind === 'typing') {
    return (
      <div className="approval approval--needs-input" data-testid={props.testId} data-state="typing">
        <label className="approval__typed">
          <span>{t('approval.badge')}</span>
          <input
            type="password"
            autoComplete="off"
            value={state.badge}
            onChange={(e) => setState({ ...state, badge: e.target.value })}
            data-testid={`${props.testId}-badge`}
          />
        </label>
        <details className="pin-optional">
          <summary>{t('pin.optional')}</summary>
          <PinKeypad
            value={state.pin}
            onChange={(pin) => setState({ ...state, pin })}
            label={t('pin.label')}
            testId={`${props.testId}-pin`}
          />
        </details>
        <button type="button" onClick={waitAgain} data-testid={`${props.testId}-scan`}>
          <ScanLine aria-hidden size={20} /> {t('approval.scanInstead')}
        </button>
      </div>
    );
  }

  return (
    <div className="approval approval--needs-input" role="status" data-testid={props.testId} data-state="waiting">
      <div className="approval__line">
        <ScanLine aria-hidden size={36} />
        <div>
          <strong>{t('approval.scan')}</strong>
          <div className="approval__hint">{t('approval.scanHint')}</div>
        </div>
      </div>
      <button type="button" onClick={() => setState({ kind: 'typing', badge: '', pin: '' })} data-testid={`${props.testId}-type`}>
        {t('approval.typeInstead')}
      </button>
    </div>
  );
}

function completeApproval(state: State): GivenApproval | null {
  if (state.kind === 'scanned') {
    if (!state.pinRequired) return { scanned: true };
    return state.pin.length >= PIN_MIN_DIGITS ? { scanned: true, pin: state.pin } : null;
  }
  if (state.kind === 'typing') {
    const badge = state.badge.trim();
    return badge ? { badge, ...(state.pin ? { pin: state.pin } : {}) } : null;
  }
  return null;
}
