import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

/** The picture of a carton's shipping label as it was printed, rendered by the station beside its scan path. */
export function LabelPreview({ cartonId, prints, seq, tracking }: { cartonId: string; prints: number; seq: number; tracking: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const say = useMessage();
  const [shown, setShown] = useState<{ key: string; images: string[] } | { key: string; error: string } | null>(null);
  const key = `${cartonId}:${tracking}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a reprint (prints) renders the label again
  useEffect(() => {
    let live = true;
    void client.attempt('packing.labelPicture', { cartonId }).then((r) => {
      if (live) setShown(r.ok ? { key, images: r.value.images } : { key, error: say(r.error.message) });
    });
    return () => {
      live = false;
    };
  }, [client, cartonId, key, prints, say]);
  if (!shown || shown.key !== key) return null;
  return (
    <figure className="card label-preview-card" data-testid="pack-label-preview" data-tracking={tracking}>
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
