import { FileDown } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHEET_COMMANDS, type SheetCommand } from '../../../../shared/contract/packing';
import { useClient } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

/** A PDF data URL as a Blob URL: a browser window opens and downloads it where a long data URL is refused. */
function pdfUrl(dataUrl: string): string {
  const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Makes the command sheet (PDF from the station, names in the operator's language) and offers it to open and print. */
export function CommandSheetButton() {
  const { t } = useTranslation();
  const client = useClient();
  const say = useMessage();
  const [sheet, setSheet] = useState<{ url: string } | { error: string } | 'busy' | null>(null);
  useEffect(
    () => () => {
      if (sheet && typeof sheet === 'object' && 'url' in sheet) URL.revokeObjectURL(sheet.url);
    },
    [sheet],
  );
  const make = async () => {
    setSheet('busy');
    const names = Object.fromEntries(SHEET_COMMANDS.map((name) => [name, t(`handsFree.sheet.names.${name}`)])) as Record<
      SheetCommand,
      string
    >;
    const r = await client.attempt('packing.commandSheet', {
      title: t('handsFree.sheet.title'),
      names,
      cartonType: t('handsFree.sheet.cartonType'),
    });
    if (!r.ok) return setSheet({ error: say(r.error.message) });
    const url = pdfUrl(r.value.pdf);
    setSheet({ url });
    const link = document.createElement('a');
    link.href = url;
    link.download = 'warebench-commands.pdf';
    link.click();
  };
  return (
    <span className="row">
      <button type="button" onClick={() => void make()} disabled={sheet === 'busy'} data-testid="pack-command-sheet">
        <FileDown aria-hidden="true" size={16} /> {t('handsFree.sheet.button')}
      </button>
      {sheet === 'busy' && <span className="muted">{t('handsFree.sheet.preparing')}</span>}
      {sheet && typeof sheet === 'object' && 'url' in sheet && (
        <a href={sheet.url} target="_blank" rel="noreferrer" download="warebench-commands.pdf" data-testid="pack-command-sheet-link">
          {t('handsFree.sheet.open')}
        </a>
      )}
      {sheet && typeof sheet === 'object' && 'error' in sheet && (
        <span className="form-error" role="alert">
          {sheet.error}
        </span>
      )}
    </span>
  );
}
