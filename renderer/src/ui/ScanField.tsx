import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyBurst, defaultWedgeRules, extendBurst, GS, isScannerBurst, type Keystroke, type WedgeRules } from './wedge';

type TextField = HTMLInputElement | HTMLTextAreaElement;

const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/** Sets a field's value so React's onChange sees it, as if the operator had typed it. */
function restoreValue(field: TextField, value: string): void {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function stripPrefix(data: string, rules: WedgeRules): string {
  return rules.prefix !== '' && data.startsWith(rules.prefix) ? data.slice(rules.prefix.length) : data;
}

/**
 * The always-focused scan field: a keyboard-wedge scanner types into it.
 * The suffix key (Enter by default) ends a scan; so does a pause after a burst of scanner-fast keys. Ctrl+] types GS (FNC1).
 * A scanner burst typed into any other field is taken off that field and sent here, so no scan lands in a quantity box;
 * a field marked `data-wedge="keep"` (one that takes a scanned badge itself) keeps its bursts.
 */
export function ScanField({
  onScan,
  disabled = false,
  rules = defaultWedgeRules,
}: {
  onScan: (data: string) => void;
  disabled?: boolean;
  rules?: WedgeRules;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const keyTimes = useRef<number[]>([]);
  const endTimer = useRef<number | undefined>(undefined);
  const scanRef = useRef(onScan);
  scanRef.current = onScan;

  const submit = (data: string) => {
    window.clearTimeout(endTimer.current);
    keyTimes.current = [];
    setValue('');
    const scanned = stripPrefix(data, rules);
    if (scanned.trim().length > 0) onScan(scanned);
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
    // A scanner burst into another text field: the field gets back what it held before the burst, the scan goes on.
    let burst: Keystroke[] = [];
    let before: { field: TextField; value: string } | null = null;
    const catchBursts = (e: globalThis.KeyboardEvent) => {
      const field = e.target;
      if (disabled || field === input.current || modifierKeys.has(e.key)) return;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.closest('[data-wedge="keep"]')) {
        burst = [];
        return;
      }
      const key = e.ctrlKey && (e.key === ']' || e.code === 'BracketRight') ? GS : e.key;
      if ((e.ctrlKey && key !== GS) || e.altKey || e.metaKey) {
        burst = [];
        return;
      }
      burst = extendBurst(burst, { key, at: e.timeStamp }, rules);
      if (burst.length === 1) before = { field, value: field.value };
      if (key !== rules.suffix) return;
      const verdict = classifyBurst(burst, rules);
      burst = [];
      if (verdict.kind !== 'scan') return;
      e.preventDefault();
      e.stopPropagation();
      if (before?.field === field) restoreValue(field, before.value);
      before = null;
      scanRef.current(verdict.data);
    };
    refocus();
    const timer = window.setInterval(refocus, 500);
    document.addEventListener('click', refocus);
    document.addEventListener('keydown', catchBursts, true);
    document.addEventListener('keydown', redirectTyping, true);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('click', refocus);
      document.removeEventListener('keydown', catchBursts, true);
      document.removeEventListener('keydown', redirectTyping, true);
    };
  }, [disabled, rules]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === rules.suffix) {
      // Enter on an empty scan field is no scan: it is left to the open dialog to confirm (ui/keys.ts).
      if (e.currentTarget.value.trim() === '' && e.key === 'Enter') return;
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
      if (isScannerBurst(keyTimes.current, rules)) submit(current);
      else keyTimes.current = [];
    }, rules.endGapMs);
  };

  return (
    <label className="scan-field">
      <span className="scan-field__label">{t('scan.label')}</span>
      <input
        ref={input}
        data-testid="scan-input"
        data-scan-field=""
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
