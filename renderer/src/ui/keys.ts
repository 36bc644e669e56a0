import { useEffect, useRef } from 'react';

/**
 * Keyboard use of the task screens: function keys run the step actions (each button shows its key), Enter confirms
 * the open dialog, Escape cancels it. Scanners type printable characters and a suffix key, never a function key or
 * Escape, and a scan's Enter is taken by the scan path before it gets here, so no shortcut swallows a scan.
 */
export const actionKeys = ['F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'] as const;
export type ActionKey = (typeof actionKeys)[number];

export const isActionKey = (key: string): key is ActionKey => (actionKeys as readonly string[]).includes(key);

/** Where a key was typed, as far as shortcuts care. */
export type KeyTarget = 'scan-field' | 'text-field' | 'control' | 'page';

export interface KeyPress {
  key: string;
  repeat: boolean;
  /** Already handled (a scan's suffix key, a form's own Enter). */
  handled: boolean;
  modified: boolean;
  target: KeyTarget;
}

export type KeyDecision = { kind: 'action'; key: ActionKey } | { kind: 'confirm' } | { kind: 'cancel' } | { kind: 'none' };

/**
 * What a key press does. While a dialog is open its Enter/Escape win and the screen's function keys rest; Enter
 * confirms only from the (empty) scan field or the page: on a focused button or in a text field it keeps its own meaning.
 */
export function decideKey(press: KeyPress, dialogOpen: boolean): KeyDecision {
  if (press.handled || press.modified) return { kind: 'none' };
  if (press.key === 'Escape') return dialogOpen ? { kind: 'cancel' } : { kind: 'none' };
  if (press.key === 'Enter') {
    if (press.repeat || !dialogOpen) return { kind: 'none' };
    return press.target === 'scan-field' || press.target === 'page' ? { kind: 'confirm' } : { kind: 'none' };
  }
  if (isActionKey(press.key) && !press.repeat && !dialogOpen) return { kind: 'action', key: press.key };
  return { kind: 'none' };
}

function targetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'page';
  if (target.matches('[data-scan-field]')) return 'scan-field';
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return 'text-field';
  if (target.closest('button, a, summary, [role="button"]')) return 'control';
  return 'page';
}

interface DialogKeys {
  confirm?: () => void;
  cancel: () => void;
}

const actions = new Map<ActionKey, (() => void)[]>();
const dialogs: DialogKeys[] = [];
let listening = false;

function onKeyDown(e: KeyboardEvent): void {
  const press: KeyPress = {
    key: e.key,
    repeat: e.repeat,
    handled: e.defaultPrevented,
    modified: e.ctrlKey || e.altKey || e.metaKey,
    target: targetOf(e.target),
  };
  const dialog = dialogs.at(-1);
  const decision = decideKey(press, dialog !== undefined);
  if (decision.kind === 'none') {
    // A function key is never the browser's (reload, find, caret browsing) on a station screen.
    if (isActionKey(e.key)) e.preventDefault();
    return;
  }
  e.preventDefault();
  if (decision.kind === 'cancel') dialog?.cancel();
  else if (decision.kind === 'confirm') dialog?.confirm?.();
  else actions.get(decision.key)?.at(-1)?.();
}

function listen(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('keydown', onKeyDown);
}

/** Runs `run` on `key` while `enabled` (and no dialog is open); the latest mounted binding of a key wins. */
export function useActionKey(key: ActionKey | undefined, run: () => void, enabled = true): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!key || !enabled) return;
    listen();
    const handler = () => latest.current();
    actions.set(key, [...(actions.get(key) ?? []), handler]);
    return () => {
      actions.set(
        key,
        (actions.get(key) ?? []).filter((h) => h !== handler),
      );
    };
  }, [key, enabled]);
}

/**
 * Enter confirms (when `confirm` is given) and Escape cancels the dialog while it is mounted and `active`; the newest
 * dialog wins, and the screen's function keys rest meanwhile.
 */
export function useDialogKeys(keys: { confirm?: (() => void) | undefined; cancel: () => void }, active = true): void {
  const latest = useRef(keys);
  latest.current = keys;
  const confirmable = keys.confirm !== undefined;
  useEffect(() => {
    if (!active) return;
    listen();
    const entry: DialogKeys = {
      cancel: () => latest.current.cancel(),
      ...(confirmable ? { confirm: () => latest.current.confirm?.() } : {}),
    };
    dialogs.push(entry);
    return () => {
      const at = dialogs.indexOf(entry);
      if (at >= 0) dialogs.splice(at, 1);
    };
  }, [confirmable, active]);
}
