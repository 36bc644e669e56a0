import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWedgeRules, GS, isScannerBurst } from './wedge';

/**
 * The always-focused scan field: a keyboard-wedge scanner types into it.
 * Enter ends a scan; so does a pause after a burst of scanner-fast keys. Ctrl+] types GS (FNC1).
 */
export function ScanField({ onScan, disabled = false }: { onScan: (data: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const keyTimes = useRef<number[]>([]);
  const endTimer = useRef<number | undefined>(undefined);

  const submit = (data: string) => {
    window.clearTimeout(endTimer.current);
    keyTimes.current = [];
    setValue('');
    if (data.length > 0) onScan(data);
  };

  useEffect(() => {
    // Focus comes back to the scan field unless the operator moved it with the keyboard (Tab to a button or link):
    // keyboard-only use must be able to reach every control.
    const refocus = () => {
      if (disabled) return;
      const active = document.activeElement;
      const typingElsewhere =
        active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
      const keyboardFocus = active instanceof HTMLElement && active !== document.body && active.matches(':focus-visible');
      if (!typingElsewhere && !keyboardFocus) input.current?.focus();
    };
    // A scanner typing while a button has keyboard focus: its characters go to the scan field, not to the button.
    const redirectTyping = (e: globalThis.KeyboardEvent) => {
      if (disabled || e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1 || e.key === ' ') return;
      const active = document.activeElement;
      if (
        active === input.current ||
        active instanceof HTMLInputElement ||
        active instanceof HTMLTextAreaElement ||
        active instanceof HTMLSelectElement
      )
        return;
      input.current?.focus();
    };
    refocus();
    const timer = window.setInterval(refocus, 500);
    document.addEventListener('click', refocus);
    document.addEventListener('keydown', redirectTyping, true);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('click', refocus);
      document.removeEventListener('keydown', redirectTyping, true);
    };
  }, [disabled]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit(e.currentTarget.value);
      return;
    }
    if (e.ctrlKey && (e.key === ']' || e.code === 'BracketRight')) {
      e.preventDefault();
      setValue((v) => v + GS);
    }
    keyTimes.current.push(performance.now());
    window.clearTimeout(endTimer.current);
    endTimer.current = window.setTimeout(() => {
      const current = input.current?.value ?? '';
      if (isScannerBurst(keyTimes.current)) submit(current);
      else keyTimes.current = [];
    }, defaultWedgeRules.endGapMs);
  };

  return (
    <label className="scan-field">
      <span className="scan-field__label">{t('scan.label')}</span>
      <input
        ref={input}
        data-testid="scan-input"
        value={value}
        disabled={disabled}
        placeholder={t('scan.placeholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}
