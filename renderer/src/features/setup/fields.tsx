import { CircleX } from 'lucide-react';
import type { ReactNode } from 'react';

/** A labelled text input with its hint and its error, wired for screen readers (aria-describedby, aria-invalid). */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  autoFocus?: boolean;
  required?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.required ? true : undefined}
        inputMode={props.inputMode}
        autoComplete="off"
        spellCheck={false}
        autoFocus={props.autoFocus}
      />
      {props.hint && (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field__error">
          <CircleX aria-hidden="true" size={16} />
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A group of radio buttons under a legend: arrow keys move between them. */
export function Choice<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  options: { value: T; label: string; hint?: string }[];
  onChange(value: T): void;
  children?: ReactNode;
}) {
  return (
    <fieldset className="choice">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="choice__option">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>
            {o.label}
            {o.hint && <span className="choice__hint">{o.hint}</span>}
          </span>
        </label>
      ))}
      {props.children}
    </fieldset>
  );
}

export function Toggle(props: { id: string; label: string; hint?: string; checked: boolean; onChange(checked: boolean): void }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field field--toggle">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={hintId}
      />
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
