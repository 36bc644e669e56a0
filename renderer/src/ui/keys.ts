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

/** A screen's binding of a function key: what it runs, whether it may run now, and how it says "wait" and "not now". */
interface Binding {
  run: () => void;
  enabled: boolean;
  refuse: () => void;
  /** Called with true when a press of the key is held for it, with false when that hold ends (run, refused, replaced). */
  wait: (waiting: boolean) => void;
}

/** How long a key pressed while its action is not ready waits for it (the step in flight) before it is refused. */
export const HOLD_KEY_MS = 1500;

/**
 * A function key pressed while its action is disabled (the previous step still in flight) is held, not dropped: it runs
 * as soon as that same action is enabled within `holdMs`, and is refused out loud after that. A newer press replaces
 * it. `T` is what was pressed: the screen's binding of the key, so a key held on one screen never runs on the next.
 */
export class HeldKey<T> {
  private held: { what: T; until: number } | null = null;
  constructor(private readonly holdMs = HOLD_KEY_MS) {}

  /** Holds `what`; answers what was held before (replaced by this press), if anything. */
  hold(what: T, now: number): T | null {
    const before = this.held?.what ?? null;
    this.held = { what, until: now + this.holdMs };
    return before;
  }

  /** True when `what` is held and has not timed out; the hold is then spent. A hold that timed out stays for `expired`. */
  take(what: T, now: number): boolean {
    if (this.held?.what !== what || now > this.held.until) return false;
    this.held = null;
    return true;
  }

  /** Forgets `what` if it is held (its button went away). */
  drop(what: T): void {
    if (this.held?.what === what) this.held = null;
  }

  /** What was held and whose time is up (the hold is then spent), if anything. */
  expired(now: number): T | null {
    if (!this.held || now <= this.held.until) return null;
    const { what } = this.held;
    this.held = null;
    return what;
  }
}

const bindings = new Map<ActionKey, Binding[]>();
const dialogs: DialogKeys[] = [];
const heldKey = new HeldKey<Binding>();
let heldTimer: ReturnType<typeof setTimeout> | null = null;
let listening = false;

function pressAction(key: ActionKey): void {
  const binding = bindings.get(key)?.at(-1);
  if (!binding) return;
  if (binding.enabled) {
    binding.run();
    return;
  }
  const replaced = heldKey.hold(binding, Date.now());
  if (replaced !== binding) replaced?.wait(false);
  // The press is answered at once: the button says it waits, then runs or refuses out loud.
  binding.wait(true);
  if (heldTimer) clearTimeout(heldTimer);
  heldTimer = setTimeout(() => {
    heldTimer = null;
    const refused = heldKey.expired(Date.now());
    refused?.wait(false);
    refused?.refuse();
  }, HOLD_KEY_MS + 10);
}

/** A binding became enabled: its press still held runs now. */
function released(binding: Binding): void {
  if (!heldKey.take(binding, Date.now())) return;
  if (heldTimer) clearTimeout(heldTimer);
  heldTimer = null;
  binding.wait(false);
  binding.run();
}

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
  else pressAction(decision.key);
}

function listen(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('keydown', onKeyDown);
}

/**
 * Binds `key` to `run` (and no dialog is open); the latest mounted binding of a key wins. Pressed while not `enabled`,
 * the key is held for the step in flight (see `HeldKey`): `wait(true)` at once, `wait(false)` when the hold ends, and
 * `refuse` if the action never became ready.
 */
export function useActionKey(
  key: ActionKey | undefined,
  run: () => void,
  enabled: boolean,
  refuse: () => void,
  wait: (waiting: boolean) => void,
): void {
  const binding = useRef<Binding>({ run, enabled, refuse, wait });
  binding.current.run = run;
  binding.current.refuse = refuse;
  binding.current.wait = wait;
  useEffect(() => {
    if (!key) return;
    listen();
    const entry = binding.current;
    bindings.set(key, [...(bindings.get(key) ?? []), entry]);
    return () => {
      heldKey.drop(entry);
      bindings.set(
        key,
        (bindings.get(key) ?? []).filter((b) => b !== entry),
      );
    };
  }, [key]);
  useEffect(() => {
    binding.current.enabled = enabled;
    if (key && enabled) released(binding.current);
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
