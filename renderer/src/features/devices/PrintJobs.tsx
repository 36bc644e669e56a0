import { ArrowRight, Check, CircleX, Hourglass, type LucideIcon, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../../../shared/domain/printing';
import { useClient, useCommand } from '../../api/station-context';
import { useMessage } from '../../i18n/messages';

const stateIcons: Record<PrintJobView['state'], LucideIcon> = {
  queued: Hourglass,
  sent: ArrowRight,
  done: Check,
  failed: CircleX,
  uncertain: TriangleAlert,
};

function JobStateIcon({ state }: { state: PrintJobView['state'] }) {
  const Icon = stateIcons[state];
  return <Icon aria-hidden="true" size={16} />;
}

/**
 * The print queue as the operator sees it: each job's state, a picture of its labels, and for a job that may or may
 * not have printed (uncertain) or failed, the operator's decision — print again or mark done — with a reason.
 */
export function PrintJobs() {
  const { t } = useTranslation();
  const client = useClient();
  const say = useMessage();
  const jobs = useCommand('print.jobs', { limit: 20 }, ['print.job']);
  const [previews, setPreviews] = useState<Record<string, string[] | string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const preview = async (id: string) => {
    const r = await client.attempt('print.preview', { id });
    setPreviews((p) => ({ ...p, [id]: r.ok ? r.value.images : say(r.error.message) }));
  };
  const resolve = async (id: string, action: 'reprint' | 'done') => {
    const r = await client.attempt('print.resolve', { id, action, reason: reasons[id] ?? '' });
    setErrors((e) => ({ ...e, [id]: r.ok ? '' : say(r.error.message) }));
    if (r.ok) void jobs.reload();
  };

  return (
    <section className="card print-jobs" aria-labelledby="print-jobs-title" data-testid="print-jobs">
      <h2 id="print-jobs-title">{t('devices.printJobs.title')}</h2>
      {jobs.value?.length === 0 && <p className="muted">{t('devices.printJobs.none')}</p>}
      <ul className="list">
        {jobs.value?.map((job) => {
          const shown = previews[job.id];
          const needsDecision = job.state === 'uncertain' || job.state === 'failed';
          return (
            <li key={job.id} data-testid={`print-job-${job.id}`} data-state={job.state}>
              <div>
                <strong>
                  <JobStateIcon state={job.state} /> {job.description}
                </strong>
                <span className="muted">
                  {' '}
                  — {t(`devices.printJobs.state.${job.state}`)}
                  {job.error ? `: ${job.error}` : ''}
                </span>
                {needsDecision && <p className="form-error">{t(`devices.printJobs.help.${job.state}`)}</p>}
                {typeof shown === 'string' && (
                  <p className="form-error" role="alert">
                    {shown}
                  </p>
                )}
                {Array.isArray(shown) &&
                  shown.map((src, i) => (
                    <img
                      // biome-ignore lint/suspicious/noArrayIndexKey: a job's preview pages are a fixed list, never reordered
                      key={i}
                      src={src}
                      alt={t('devices.printJobs.previewAlt', { n: i + 1, description: job.description })}
                      className="label-preview"
                    />
                  ))}
                {errors[job.id] && (
                  <p className="form-error" role="alert">
                    {errors[job.id]}
                  </p>
                )}
              </div>
              <div className="row">
                <button type="button" onClick={() => void preview(job.id)}>
                  {t('devices.printJobs.preview')}
                </button>
                {needsDecision && (
                  <>
                    <input
                      aria-label={t('devices.printJobs.reason')}
                      placeholder={t('devices.printJobs.reason')}
                      value={reasons[job.id] ?? ''}
                      onChange={(e) => setReasons((r) => ({ ...r, [job.id]: e.target.value }))}
                    />
                    <button type="button" className="primary" onClick={() => void resolve(job.id, 'reprint')}>
                      {t('devices.printJobs.reprint')}
                    </button>
                    <button type="button" onClick={() => void resolve(job.id, 'done')}>
                      {t('devices.printJobs.markDone')}
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
