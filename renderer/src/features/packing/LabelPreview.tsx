import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

/** The picture of a carton's shipping label as the printer received it (the print queue's preview of its job). */
export function LabelPreview({ jobId, prints, seq, tracking }: { jobId: string; prints: number; seq: number; tracking: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const say = useMessage();
  const [shown, setShown] = useState<{ jobId: string; images: string[] } | { jobId: string; error: string } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a reprint (prints) renders the label again
  useEffect(() => {
    let live = true;
    void client.attempt('print.preview', { id: jobId }).then((r) => {
      if (live) setShown(r.ok ? { jobId, images: r.value.images } : { jobId, error: say(r.error.message) });
    });
    return () => {
      live = false;
    };
  }, [client, jobId, prints, say]);
  if (!shown || shown.jobId !== jobId) return null;
  return (
    <figure className="card label-preview-card" data-testid="pack-label-preview" data-job={jobId}>
      <figcaption>{t('handsFree.labelTitle', { seq })}</figcaption>
      {'error' in shown ? (
        <p className="form-error">{shown.error}</p>
      ) : (
        shown.images.map((src, i) => (
          <img
            // biome-ignore lint/suspicious/noArrayIndexKey: a job's preview pages are a fixed list, never reordered
            key={i}
            src={src}
            alt={t('handsFree.labelAlt', { tracking, seq })}
            className="label-preview"
          />
        ))
      )}
    </figure>
  );
}
