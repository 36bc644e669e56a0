import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionKey, useActionKey } from './keys';
import { play } from './sounds';
import './task-layout.css';

/**
 * A task screen at arm's length (designed at 1366×768): the current step as a headline with its actions beside it (one
 * large next action), short alerts under it, and the work filling the rest, scrolling inside itself (with an optional
 * side column). The scan bar above and the one-line status footer below belong to the app frame.
 */
export function TaskLayout(props: {
  /** Id of the headline, for the screen's `aria-labelledby`. */
  titleId: string;
  /** What the task is about (order, PO), small above the step. */
  context?: ReactNode;
  /** The current step, in words. */
  step: ReactNode;
  stepTone?: 'info' | 'good' | 'bad';
  /** Step actions, the next one large (see `ActionButton`). */
  actions?: ReactNode;
  /** Stops, errors, notices and prompts that need the operator now. */
  alerts?: ReactNode;
  side?: ReactNode;
  className?: string;
  testId?: string;
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  return (
    <main className={`task ${props.className ?? ''}`} aria-labelledby={props.titleId} data-testid={props.testId} {...props.data}>
      <div className={`task__head task__head--${props.stepTone ?? 'info'}`}>
        <div className="task__step">
          {props.context && <div className="task__context">{props.context}</div>}
          <h1 id={props.titleId} className="task__headline">
            {props.step}
          </h1>
        </div>
        {props.actions && <div className="task__actions">{props.actions}</div>}
      </div>
      {props.alerts && <div className="task__alerts">{props.alerts}</div>}
      <div className={`task__body${props.side ? ' task__body--split' : ''}`}>
        <div className="task__work" data-testid="task-work">
          {props.children}
        </div>
        {props.side && (
          <aside className="task__side" data-testid="task-side">
            {props.side}
          </aside>
        )}
      </div>
    </main>
  );
}

/** How long a refused function key keeps its button red with "not now" on it. */
const REFUSED_SHOWN_MS = 2500;

/**
 * A step action with its function key shown on it. Its key pressed while the button is disabled says "one moment" on
 * the button at once and waits briefly for the step in flight; then it runs, or the button turns red with "not now"
 * and the refusal sound: never a silent key. `next` makes it
 * the one large button of the step.
 */
export function ActionButton(props: {
  actionKey?: ActionKey;
  label: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  next?: boolean;
  danger?: boolean;
  testId?: string;
  icon?: ReactNode;
  submit?: boolean;
}) {
  const { t } = useTranslation();
  const { actionKey, onClick, disabled = false } = props;
  const [refusedKey, setRefusedKey] = useState(false);
  const [waitingKey, setWaitingKey] = useState(false);
  useActionKey(
    actionKey,
    onClick,
    !disabled,
    () => {
      play('bad');
      setRefusedKey(true);
    },
    setWaitingKey,
  );
  useEffect(() => {
    if (!refusedKey) return;
    const shown = setTimeout(() => setRefusedKey(false), REFUSED_SHOWN_MS);
    return () => clearTimeout(shown);
  }, [refusedKey]);
  // Once the action is ready again, the button says what it does.
  const refused = refusedKey && disabled;
  const held = waitingKey && disabled && !refused;
  const tone = props.danger || refused ? ' danger' : props.next ? ' primary' : '';
  return (
    <button
      type={props.submit ? 'submit' : 'button'}
      className={`action-button${props.next ? ' action-button--next big-button' : ''}${tone}`}
      data-testid={props.testId}
      data-next={props.next ? 'true' : undefined}
      data-refused={refused ? 'true' : undefined}
      data-waiting={held ? 'true' : undefined}
      aria-keyshortcuts={actionKey}
      disabled={disabled}
      onClick={onClick}
    >
      {actionKey && <kbd className="action-button__key">{actionKey}</kbd>}
      {props.icon}
      <span className="action-button__label" role={refused ? 'alert' : undefined}>
        {refused ? t('task.keyNotNow') : held ? t('task.keyWaiting') : props.label}
      </span>
    </button>
  );
}

/** Scrolls `target` into view inside `container` only (never the page), to the nearest edge. */
export function scrollIntoContainer(target: HTMLElement, container: HTMLElement): void {
  const box = container.getBoundingClientRect();
  const item = target.getBoundingClientRect();
  if (item.top < box.top) container.scrollTop -= box.top - item.top + 8;
  else if (item.bottom > box.bottom) container.scrollTop += item.bottom - box.bottom + 8;
}

/**
 * Keeps the element marked `data-scanned="true"` inside the nearest `.task__work` in view whenever `key` changes, and
 * when the window changes size (a rotated or resized screen).
 */
export function useScannedInView<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the scanned line changes (or its count does)
  useEffect(() => {
    const show = () => {
      const root = ref.current;
      const target = root?.querySelector<HTMLElement>('[data-scanned="true"]');
      const container = root?.closest<HTMLElement>('.task__work');
      if (target && container) scrollIntoContainer(target, container);
    };
    show();
    window.addEventListener('resize', show);
    return () => window.removeEventListener('resize', show);
  }, [key]);
  return ref;
}

/** Progress of one line: "10 / 12" with a bar; over-fulfilment shows as a full bar in the warning colour. */
export function Progress({ done, total, testId }: { done: number; total: number; testId?: string }) {
  const ratio = total > 0 ? Math.min(done / total, 1) : done > 0 ? 1 : 0;
  const state = done === 0 ? 'open' : done < total ? 'partial' : done === total ? 'done' : 'over';
  return (
    <div className={`progress progress--${state}`} data-state={state}>
      <span className="progress__numbers">
        <strong data-testid={testId}>{done}</strong>
        <span className="progress__total"> / {total}</span>
      </span>
      <span className="progress__bar" aria-hidden="true">
        <span className="progress__fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </span>
    </div>
  );
}
