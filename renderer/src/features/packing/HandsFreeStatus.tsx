import { Hand } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PackState } from '../../../../shared/domain/packing';
import { CommandSheetButton } from './CommandSheetButton';
import { LabelPreview } from './LabelPreview';
import './hands-free.css';

/**
 * What the hands-free loop shows on the pack screen: that it runs, the question a destructive command barcode waits
 * on, and the picture of the label it printed (the packer checks it before scanning it to close the carton).
 */
export function HandsFreeStatus({ state }: { state: PackState }) {
  const { t } = useTranslation();
  const labelled =
    state.cartons.find((c) => c.id === state.openCartonId && c.label?.state === 'printed') ??
    state.cartons.filter((c) => c.state === 'closed' && c.label).at(-1);
  return (
    <section className="hands-free" data-testid="hands-free" data-on={state.handsFree}>
      <div className="row hands-free__bar">
        {state.handsFree && (
          <span className="pack-flag" title={t('handsFree.onHint')} data-testid="hands-free-on">
            <Hand aria-hidden="true" size={16} /> {t('handsFree.on')}
          </span>
        )}
        <CommandSheetButton />
      </div>
      {state.confirm && (
        <p className="pack-notice hands-free__confirm" role="alert" data-testid="hands-free-confirm" data-command={state.confirm.command}>
          {t(`handsFree.confirm.${state.confirm.command}`)}
        </p>
      )}
      {state.order && labelled?.label && (
        <LabelPreview cartonId={labelled.id} prints={labelled.label.prints} seq={labelled.seq} tracking={labelled.label.tracking} />
      )}
    </section>
  );
}
