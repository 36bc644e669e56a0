import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
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
    const refocus = () => {
      const active = document.activeElement;
      const typingElsewhere = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
      if (!typingElsewhere && !disabled) input.current?.focus();
    };
    refocus();
    const timer = window.setInterval(refocus, 500);
    document.addEventListener('click', refocus);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('click', refocus);
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
        aria-label={t('scan.label')}
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
