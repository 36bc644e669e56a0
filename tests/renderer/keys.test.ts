import { beforeAll, describe, expect, it } from 'vitest';
import { fn, loadRendererModule } from '../support/renderer-module';

type KeyTarget = 'scan-field' | 'text-field' | 'control' | 'page';
interface KeyPress {
  key: string;
  repeat: boolean;
  handled: boolean;
  modified: boolean;
  target: KeyTarget;
}
type KeyDecision = { kind: 'action'; key: string } | { kind: 'confirm' } | { kind: 'cancel' } | { kind: 'none' };
type ScaleState = 'stable' | 'motion' | 'over' | 'under-zero' | 'fault';
interface Reading {
  value: number;
  stable: boolean;
  status: 'ok' | 'motion' | 'overload' | 'underload' | 'fault';
}

interface HeldKey {
  hold(what: string, now: number): void;
  take(what: string, now: number): boolean;
  expired(now: number): string | null;
  drop(what: string): void;
}

let decideKey: (press: KeyPress, dialogOpen: boolean) => KeyDecision;
let heldKey: (holdMs: number) => HeldKey;
let actionKeys: readonly string[];
let scaleState: (reading: Reading) => ScaleState;
let taskMessages: Record<'en' | 'de' | 'es', Record<string, unknown>>;

beforeAll(async () => {
  const keys = await loadRendererModule('ui/keys.ts');
  decideKey = fn(keys, 'decideKey');
  const HeldKeyClass = keys.HeldKey as new (holdMs: number) => HeldKey;
  heldKey = (holdMs) => new HeldKeyClass(holdMs);
  actionKeys = keys.actionKeys as readonly string[];
  scaleState = fn(await loadRendererModule('ui/scale-state.ts'), 'scaleState');
  taskMessages = (await loadRendererModule('ui/task-messages.ts')).taskMessages as typeof taskMessages;
});

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  repeat: false,
  handled: false,
  modified: false,
  target: 'scan-field',
  ...over,
});

describe('step keys', () => {
  it('a function key runs its step action from anywhere while no dialog is open', () => {
    for (const target of ['scan-field', 'text-field', 'control', 'page'] as const)
      expect(decideKey(press('F2', { target }), false)).toEqual({ kind: 'action', key: 'F2' });
    expect(actionKeys).toEqual(['F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9']);
  });

  it('an open dialog rests the step keys: its Enter and Escape win', () => {
    expect(decideKey(press('F4'), true)).toEqual({ kind: 'none' });
    expect(decideKey(press('Escape'), true)).toEqual({ kind: 'cancel' });
    expect(decideKey(press('Enter'), true)).toEqual({ kind: 'confirm' });
    expect(decideKey(press('Enter', { target: 'page' }), true)).toEqual({ kind: 'confirm' });
  });

  it('Enter keeps its own meaning on a focused button or in a text field, and does nothing without a dialog', () => {
    expect(decideKey(press('Enter', { target: 'control' }), true)).toEqual({ kind: 'none' });
    expect(decideKey(press('Enter', { target: 'text-field' }), true)).toEqual({ kind: 'none' });
    expect(decideKey(press('Enter'), false)).toEqual({ kind: 'none' });
    expect(decideKey(press('Escape'), false)).toEqual({ kind: 'none' });
  });

  it('never takes a scan: a suffix Enter the scan path handled, held-down repeats and modified keys pass by', () => {
    expect(decideKey(press('Enter', { handled: true }), true)).toEqual({ kind: 'none' });
    expect(decideKey(press('F2', { handled: true }), false)).toEqual({ kind: 'none' });
    expect(decideKey(press('F2', { repeat: true }), false)).toEqual({ kind: 'none' });
    expect(decideKey(press('Enter', { repeat: true }), true)).toEqual({ kind: 'none' });
    expect(decideKey(press('F3', { modified: true }), false)).toEqual({ kind: 'none' });
    // What a scanner types: characters, GS, the suffix. None of it is a shortcut.
    for (const key of ['0', '1', 'A', 'z', '-', '\u001d', 'Tab']) expect(decideKey(press(key), false)).toEqual({ kind: 'none' });
    for (const key of ['F1', 'F10', 'F12']) expect(decideKey(press(key), false)).toEqual({ kind: 'none' });
  });
});

describe('a function key pressed while its step is not ready', () => {
  it('is held and runs once the action is ready within the hold', () => {
    const held = heldKey(1500);
    held.hold('F4', 1000);
    // Another binding (the next screen's F4, another key) does not take it.
    expect(held.take('F5', 1200)).toBe(false);
    expect(held.take('F4', 2400)).toBe(true);
    // Spent: it runs once, and nothing is left to refuse.
    expect(held.take('F4', 2401)).toBe(false);
    expect(held.expired(5000)).toBeNull();
  });

  it('is refused once the hold is over, never run late', () => {
    const held = heldKey(1500);
    held.hold('F4', 1000);
    expect(held.expired(2500)).toBeNull();
    expect(held.expired(2501)).toBe('F4');
    expect(held.expired(2502)).toBeNull();
    // Its action ready a moment too late: not run, and still refused (never neither).
    held.hold('F5', 3000);
    expect(held.take('F5', 4501)).toBe(false);
    expect(held.expired(9000)).toBe('F5');
  });

  it('a press whose button went away is forgotten: neither run nor refused', () => {
    const held = heldKey(1500);
    held.hold('F4', 1000);
    held.drop('F5');
    held.drop('F4');
    expect(held.take('F4', 1100)).toBe(false);
    expect(held.expired(9000)).toBeNull();
  });

  it('a newer press replaces the held one', () => {
    const held = heldKey(1500);
    expect(held.hold('F4', 1000)).toBeNull();
    // The replaced press is answered so its button stops waiting.
    expect(held.hold('F5', 1100)).toBe('F4');
    expect(held.take('F4', 1200)).toBe(false);
    expect(held.take('F5', 1200)).toBe(true);
  });

  it('"one moment" and "not available now" are said in every language', () => {
    for (const language of ['en', 'de', 'es'] as const) {
      const task = taskMessages[language].task as Record<string, string>;
      expect(task.keyWaiting?.trim(), language).toBeTruthy();
      expect(task.keyNotNow?.trim(), language).toBeTruthy();
    }
  });
});

describe('live scale state', () => {
  it('tells stable, motion, over capacity, under zero and fault apart', () => {
    expect(scaleState({ value: 1.2, stable: true, status: 'ok' })).toBe('stable');
    expect(scaleState({ value: 1.2, stable: false, status: 'ok' })).toBe('motion');
    expect(scaleState({ value: 1.2, stable: false, status: 'motion' })).toBe('motion');
    expect(scaleState({ value: 60, stable: false, status: 'overload' })).toBe('over');
    expect(scaleState({ value: -0.2, stable: false, status: 'underload' })).toBe('under-zero');
    expect(scaleState({ value: -0.005, stable: true, status: 'ok' })).toBe('under-zero');
    expect(scaleState({ value: 0, stable: false, status: 'fault' })).toBe('fault');
  });

  it('every state has a label in every language', () => {
    for (const language of ['en', 'de', 'es'] as const) {
      const states = (taskMessages[language].scale as { state: Record<string, string> }).state;
      for (const state of ['stable', 'motion', 'over', 'under-zero', 'fault', 'none'])
        expect(states[state]?.trim(), `${language} ${state}`).toBeTruthy();
    }
  });
});
