import { Delete } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const MAX_DIGITS = 8;

/**
 * The station's own PIN keypad: a masked field (a keyboard works too) and twelve keys for a touch screen. The keys are
 * plain buttons, so Enter in the field still submits the form the keypad sits in.
 */
export function PinKeypad(props: { value: string; onChange: (pin: string) => void; label: string; testId: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const set = (next: string) => props.onChange(next.replace(/\D/g, '').slice(0, MAX_DIGITS));
  const key = (label: string, text: ReactNode, onClick: () => void, testId?: string) => (
    <button type="button" className="pin-keypad__key" aria-label={label} onClick={onClick} data-testid={testId} key={testId ?? label}>
      {text}
    </button>
  );
  return (
    <fieldset className="pin-keypad" data-testid={props.testId}>
      <legend>{props.label}</legend>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus={props.autoFocus}
        aria-label={props.label}
        value={props.value}
        onChange={(e) => set(e.target.value)}
        data-testid={`${props.testId}-input`}
      />
      <div className="pin-keypad__keys">
        {KEYS.map((digit) => key(digit, digit, () => set(props.value + digit), `${props.testId}-key-${digit}`))}
        {key(t('pin.clear'), 'C', () => set(''), `${props.testId}-clear`)}
        {key('0', '0', () => set(`${props.value}0`), `${props.testId}-key-0`)}
        {key(t('pin.erase'), <Delete aria-hidden="true" size={28} />, () => set(props.value.slice(0, -1)), `${props.testId}-erase`)}
      </div>
    </fieldset>
  );
}

/** The keypad folded away on an approval prompt: only where the site asks for a PIN does the supervisor open it. */
export function OptionalPin(props: { value: string; onChange: (pin: string) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <details className="pin-optional">
      <summary>{t('pin.optional')}</summary>
      <PinKeypad value={props.value} onChange={props.onChange} label={t('pin.label')} testId={props.testId} />
    </details>
  );
}
