import { ArrowLeft, ArrowRight, Check, CircleX, Info, RefreshCw } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupState, StationLocale } from '../../../../shared/contract/setup';
import { languageNames } from '../../../../shared/domain/language';
import { useClient } from '../../api/station-context';
import { translateMessage } from '../../i18n/messages';
import { play } from '../../ui/sounds';
import { type DraftField, draftFrom, errorsFromIssues, type FieldErrors, formFrom, type SetupDraft, validateDraft } from './draft';
import { Choice, TextField, Toggle } from './fields';
import './setup.css';

const steps = ['station', 'server', 'devices', 'options', 'review'] as const;
type Step = (typeof steps)[number];

const fieldsOf: Record<Step, DraftField[]> = {
  station: ['stationName', 'stationRole', 'locale'],
  server: ['url', 'enrollmentCode'],
  devices: ['scannerPath', 'scalePath', 'scaleProtocol', 'printerHost', 'printerPort', 'printerQueue'],
  options: ['pinnedVersion'],
  review: [],
};

/**
 * First-run setup for site IT: station, server (embedded demo or central with enrollment), devices, options.
 * Each step is checked with the contract's own schema before moving on; saving restarts the station with the new config.
 */
export function SetupWizard({ state, onCancel }: { state: SetupState; onCancel?: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState<SetupDraft>(() => draftFrom(state.current));
  const [step, setStep] = useState<Step>('station');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [phase, setPhase] = useState<'editing' | 'saving' | 'restarting'>('editing');
  const heading = useRef<HTMLHeadingElement>(null);
  const index = steps.indexOf(step);

  const firstStep = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect is for the step change itself, which it does not read
  useEffect(() => {
    // Moving to a step puts focus on its heading, so a screen reader announces where the operator is.
    if (firstStep.current) firstStep.current = false;
    else heading.current?.focus();
  }, [step]);

  const set = <K extends DraftField>(field: K, value: SetupDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const chooseLanguage = (locale: StationLocale) => {
    set('locale', locale);
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  };

  const focusFirstError = (found: FieldErrors) => {
    const first = steps.flatMap((s) => fieldsOf[s]).find((f) => found[f]);
    if (!first) return;
    const owner = steps.find((s) => fieldsOf[s].includes(first));
    if (owner && owner !== step) setStep(owner);
    window.setTimeout(() => document.getElementById(`setup-${first}`)?.focus(), 0);
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = validateDraft(draft);
    const here = Object.fromEntries(fieldsOf[step].filter((f) => found[f]).map((f) => [f, found[f]])) as FieldErrors;
    if (Object.keys(here).length) {
      setErrors(here);
      play('bad');
      focusFirstError(here);
      return;
    }
    setErrors({});
    if (step !== 'review') {
      setStep(steps[index + 1] ?? 'review');
      return;
    }
    void save();
  };

  const save = async () => {
    setPhase('saving');
    const result = await client.attempt('setup.save', formFrom(draft));
    if (!result.ok) {
      setPhase('editing');
      play('bad');
      const fieldErrors = errorsFromIssues(result.error.issues ?? []);
      setErrors(fieldErrors);
      setFailure(translateMessage(t, result.error.message));
      focusFirstError(fieldErrors);
      return;
    }
    setPhase('restarting');
    play('good');
    // The core restarts with the new config; the page starts over once it answers with the new name.
    for (let i = 0; i < 120; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const info = await client.attempt('station.info', {});
      if (info.ok && info.value.stationName === draft.stationName.trim() && info.value.locale === draft.locale) break;
    }
    window.location.reload();
  };

  const err = (f: DraftField) => errors[f];
  const busy = phase !== 'editing';

  return (
    <main className="wizard" data-testid="setup-wizard" aria-busy={busy}>
      <header className="wizard__header">
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <ol className="wizard__steps" aria-label={t('setup.progress', { step: index + 1, count: steps.length })}>
          {steps.map((s, i) => (
            <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'done' : s === step ? 'current' : ''}>
              <span aria-hidden="true">{i < index ? <Check size={16} /> : i + 1}</span> {t(`setup.steps.${s}`)}
            </li>
          ))}
        </ol>
      </header>

      <form className="wizard__body" onSubmit={next} noValidate>
        <h2 ref={heading} tabIndex={-1}>
          {t('setup.progress', { step: index + 1, count: steps.length })}: {t(`setup.steps.${step}`)}
        </h2>

        {step === 'station' && (
          <>
            <TextField
              id="setup-stationName"
              label={t('setup.station.name')}
              hint={t('setup.station.nameHint')}
              value={draft.stationName}
              onChange={(v) => set('stationName', v)}
              error={err('stationName')}
              required
              autoFocus
            />
            <Choice
              name="stationRole"
              legend={t('setup.station.role')}
              value={draft.stationRole}
              onChange={(v) => set('stationRole', v)}
              options={(['receiving', 'packing', 'both'] as const).map((r) => ({ value: r, label: t(`setup.station.roles.${r}`) }))}
            />
            <Choice
              name="locale"
              legend={t('setup.station.language')}
              value={draft.locale}
              onChange={chooseLanguage}
              options={(['en', 'de', 'es'] as const).map((l) => ({ value: l, label: languageNames[l] }))}
            />
          </>
        )}

        {step === 'server' && (
          <Choice
            name="server"
            legend={t('setup.server.legend')}
            value={draft.serverKind}
            onChange={(v) => set('serverKind', v)}
            options={[
              { value: 'embedded', label: t('setup.server.embedded'), hint: t('setup.server.embeddedHint') },
              { value: 'central', label: t('setup.server.central') },
            ]}
          >
            {draft.serverKind === 'central' && (
              <div className="wizard__nested">
                <TextField
                  id="setup-url"
                  label={t('setup.server.url')}
                  hint={t('setup.server.urlHint')}
                  value={draft.url}
                  onChange={(v) => set('url', v)}
                  error={err('url')}
                  inputMode="url"
                  required
                />
                <TextField
                  id="setup-enrollmentCode"
                  label={t('setup.server.code')}
                  hint={t('setup.server.codeHint')}
                  value={draft.enrollmentCode}
                  onChange={(v) => set('enrollmentCode', v.toUpperCase())}
                  error={err('enrollmentCode')}
                />
                {state.enrolled && (
                  <p className="muted">
                    <Check aria-hidden="true" size={16} />
                    {t('setup.server.enrolled')}
                  </p>
                )}
              </div>
            )}
          </Choice>
        )}

        {step === 'devices' && (
          <>
            <Choice
              name="scanner"
              legend={t('setup.devices.scanner')}
              value={draft.scannerKind}
              onChange={(v) => set('scannerKind', v)}
              options={[
                { value: 'wedge', label: t('setup.devices.wedge') },
                { value: 'serial', label: t('setup.devices.serialScanner') },
              ]}
            >
              {draft.scannerKind === 'serial' && (
                <div className="wizard__nested">
                  <TextField
                    id="setup-scannerPath"
                    label={t('setup.devices.port')}
                    hint={t('setup.devices.portHint')}
                    value={draft.scannerPath}
                    onChange={(v) => set('scannerPath', v)}
                    error={err('scannerPath')}
                    required
                  />
                </div>
              )}
            </Choice>
            <Choice
              name="scale"
              legend={t('setup.devices.scale')}
              value={draft.scaleKind}
              onChange={(v) => set('scaleKind', v)}
              options={[
                { value: 'none', label: t('setup.devices.noScale') },
                { value: 'serial', label: t('setup.devices.serialScale') },
              ]}
            >
              {draft.scaleKind === 'serial' && (
                <div className="wizard__nested">
                  <TextField
                    id="setup-scalePath"
                    label={t('setup.devices.port')}
                    hint={t('setup.devices.portHint')}
                    value={draft.scalePath}
                    onChange={(v) => set('scalePath', v)}
                    error={err('scalePath')}
                    required
                  />
                  <div className="field">
                    <label htmlFor="setup-scaleProtocol">{t('setup.devices.protocol')}</label>
                    <select
                      id="setup-scaleProtocol"
                      value={draft.scaleProtocol}
                      onChange={(e) => set('scaleProtocol', e.target.value as SetupDraft['scaleProtocol'])}
                    >
                      {(['mt-sics', 'nci', 'toledo'] as const).map((p) => (
                        <option key={p} value={p}>
                          {t(`setup.devices.protocols.${p}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
              )}
            </Choice>
            <Choice
              name="printer"
              legend={t('setup.devices.printer')}
              value={draft.printerKind}
              onChange={(v) => set('printerKind', v)}
              options={[
                { value: 'none', label: t('setup.devices.noPrinter') },
                { value: 'tcp', label: t('setup.devices.tcp') },
                { value: 'cups', label: t('setup.devices.cups') },
              ]}
            >
              {draft.printerKind === 'tcp' && (
                <div className="wizard__nested wizard__row">
                  <TextField
                    id="setup-printerHost"
                    label={t('setup.devices.host')}
                    value={draft.printerHost}
                    onChange={(v) => set('printerHost', v)}
                    error={err('printerHost')}
                    required
                  />
                  <TextField
                    id="setup-printerPort"
                    label={t('setup.devices.port9100')}
                    value={draft.printerPort}
                    onChange={(v) => set('printerPort', v)}
                    error={err('printerPort')}
                    inputMode="numeric"
                  />
                </div>
              )}
              {draft.printerKind === 'cups' && (
                <div className="wizard__nested">
                  <TextField
                    id="setup-printerQueue"
                    label={t('setup.devices.queue')}
                    value={draft.printerQueue}
                    onChange={(v) => set('printerQueue', v)}
                    error={err('printerQueue')}
                    required
                  />
                </div>
              )}
            </Choice>
          </>
        )}

        {step === 'options' && (
          <>
            <Toggle
              id="setup-training"
              label={t('setup.options.training')}
              hint={t('setup.options.trainingHint')}
              checked={draft.training}
              onChange={(v) => set('training', v)}
            />
            <Toggle
              id="setup-kiosk"
              label={t('setup.options.kiosk')}
              hint={t('setup.options.kioskHint')}
              checked={draft.kiosk}
              onChange={(v) => set('kiosk', v)}
            />
            <TextField
              id="setup-pinnedVersion"
              label={t('setup.options.pinned')}
              hint={t('setup.options.pinnedHint')}
              value={draft.pinnedVersion}
              onChange={(v) => set('pinnedVersion', v)}
              error={err('pinnedVersion')}
            />
          </>
        )}

        {step === 'review' && <Review draft={draft} overridden={state.overridden} />}

        {failure && (
          <p className="form-error" role="alert" data-testid="setup-error">
            <CircleX aria-hidden="true" size={16} />
            {failure}
          </p>
        )}
        {Object.values(errors).some(Boolean) && !failure && (
          <p className="form-error" role="alert">
            <CircleX aria-hidden="true" size={16} />
            {t('setup.fixErrors')}
          </p>
        )}
        {phase === 'restarting' && (
          <p className="wizard__status" role="status" data-testid="setup-restarting">
            <RefreshCw aria-hidden="true" size={16} />
            {t('setup.restarting')}
          </p>
        )}

        <div className="wizard__actions">
          {onCancel && (
            <button type="button" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </button>
          )}
          <button type="button" onClick={() => setStep(steps[index - 1] ?? 'station')} disabled={index === 0 || busy}>
            <ArrowLeft aria-hidden="true" size={16} />
            {t('setup.back')}
          </button>
          <button type="submit" className="primary big-button" disabled={busy}>
            {step === 'review' ? (phase === 'saving' ? t('setup.saving') : t('setup.save')) : t('setup.next')}
            {step !== 'review' && <ArrowRight aria-hidden="true" size={16} />}
          </button>
        </div>
      </form>
    </main>
  );
}

function Review({ draft, overridden }: { draft: SetupDraft; overridden: string[] }) {
  const { t } = useTranslation();
  const none = t('setup.review.none');
  const rows: [string, string][] = [
    [t('setup.station.name'), draft.stationName],
    [t('setup.station.role'), t(`setup.station.roles.${draft.stationRole}`)],
    [t('setup.station.language'), languageNames[draft.locale]],
    [
      t('setup.steps.server'),
      draft.serverKind === 'embedded'
        ? t('setup.server.embedded')
        : `${draft.url}${draft.enrollmentCode ? ` (${t('setup.server.code')}: ${draft.enrollmentCode})` : ''}`,
    ],
    [
      t('setup.devices.scanner'),
      draft.scannerKind === 'wedge' ? t('setup.devices.wedge') : `${t('setup.devices.serialScanner')}: ${draft.scannerPath}`,
    ],
    [
      t('setup.devices.scale'),
      draft.scaleKind === 'none'
        ? t('setup.devices.noScale')
        : `${draft.scalePath} · ${t(`setup.devices.protocols.${draft.scaleProtocol}`)}`,
    ],
    [
      t('setup.devices.printer'),
      draft.printerKind === 'none'
        ? t('setup.devices.noPrinter')
        : draft.printerKind === 'tcp'
          ? `tcp://${draft.printerHost}:${draft.printerPort || '9100'}`
          : `CUPS: ${draft.printerQueue}`,
    ],
    [t('setup.options.training'), draft.training ? t('common.yes') : t('common.no')],
    [t('setup.options.kiosk'), draft.kiosk ? t('common.yes') : t('common.no')],
    [t('setup.options.pinned'), draft.pinnedVersion || none],
  ];
  return (
    <>
      <p>{t('setup.review.intro')}</p>
      <dl className="facts" data-testid="setup-review">
        {rows.map(([k, v]) => (
          <div key={k} className="facts__row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {overridden.length > 0 && (
        <p className="muted">
          <Info aria-hidden="true" size={16} />
          {t('setup.review.overridden', { names: overridden.join(', ') })}
        </p>
      )}
    </>
  );
}
