import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useDialogKeys } from './keys';
import './approval.css';

/**
 * Asks before a destructive action and says what will be lost. Cancel has the focus: an Enter from a scanner or a
 * stray tap keeps the work.
 */
export function ConfirmDialog(props: {
  title: string;
  /** What the action throws away, one sentence each; empty when nothing is lost. */
  lost: string[];
  confirm: string;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // Escape keeps the work; Enter is left to the focused button (Cancel first), so a stray Enter never destroys anything.
  useDialogKeys({ cancel: props.onCancel });
  return (
    <div className="confirm-dialog" data-testid={props.testId}>
      <section className="confirm-dialog__box" role="alertdialog" aria-modal="true" aria-label={props.title}>
        <h2>
          <TriangleAlert aria-hidden size={36} color="var(--warn)" />
          {props.title}
        </h2>
        {props.lost.length > 0 && (
          <div>
            <strong>{t('confirmDialog.lost')}</strong>
            <ul data-testid={`${props.testId}-lost`}>
              {props.lost.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="row">
          <button
            type="button"
            className="big-button action-button"
            autoFocus
            onClick={props.onCancel}
            aria-keyshortcuts="Escape"
            data-testid={`${props.testId}-cancel`}
          >
            <kbd className="action-button__key">Esc</kbd> {t('confirmDialog.cancel')}
          </button>
          <button type="button" className="big-button danger" onClick={props.onConfirm} data-testid={`${props.testId}-confirm`}>
            {props.confirm}
          </button>
        </div>
      </section>
    </div>
  );
}
