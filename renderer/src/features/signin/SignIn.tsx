import { CircleX } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, languageNames } from '../../../../shared/domain/language';
import { CommandError } from '../../api/client';
import { useClient } from '../../api/station-context';
import { translateMessage } from '../../i18n/messages';
import { PinKeypad } from '../../ui/PinKeypad';
import { play } from '../../ui/sounds';
import './signin.css';

/**
 * Sign-in by badge: a badge scanner types into the field and ends with Enter, or the operator types the code. Where
 * the site asks supervisors and admins for a PIN, the station answers `pin_required` and the keypad appears.
 */
export function SignIn({
  stationName,
  language,
  chooseLanguage,
}: {
  stationName: string;
  language: Language;
  chooseLanguage: (language: Language) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [pinAsked, setPinAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await client.call('session.signIn', { badge, ...(pinAsked && pin ? { pin } : {}) });
      play('good');
    } catch (err) {
      const code = err instanceof CommandError ? err.error.code : null;
      const message = err instanceof CommandError ? translateMessage(t, err.error.message) : t('code.errors.internal');
      setPin('');
      if (code === 'pin_required') {
        setPinAsked(true);
        setError(null);
        return;
      }
      play('bad');
      // The typed code is shown back from the screen's own field: the station never repeats a badge.
      setError(code === 'not_found' ? t('signin.unknownBadge', { badge: badge.trim().slice(0, 64), message }) : message);
      setBadge('');
      setPinAsked(false);
    }
  };

  return (
    <main className="signin">
      <h1>
        {t('app.name')} · {stationName}
      </h1>
      <form onSubmit={submit} className="signin__form" aria-labelledby="signin-title">
        <h2 id="signin-title">{t('signin.title')}</h2>
        <p>{pinAsked ? t('pin.prompt') : t('signin.prompt')}</p>
        <input
          autoFocus
          type={pinAsked ? 'password' : 'text'}
          data-testid="badge-input"
          aria-label={t('signin.badge')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'signin-error' : undefined}
          value={badge}
          onChange={(e) => {
            setBadge(e.target.value);
            setPinAsked(false);
          }}
          autoComplete="off"
          inputMode="numeric"
        />
        {pinAsked && <PinKeypad value={pin} onChange={setPin} label={t('pin.label')} testId="signin-pin" autoFocus />}
        <button type="submit" className="big-button">
          {t('signin.submit')}
        </button>
        {error && (
          <p className="form-error" role="alert" id="signin-error" data-testid="signin-error">
            <CircleX aria-hidden="true" size={18} />
            {error}
          </p>
        )}
      </form>
      <fieldset className="signin__languages" aria-label={t('signin.language')}>
        <legend>{t('signin.language')}</legend>
        {Language.options.map((option) => (
          <button
            key={option}
            type="button"
            lang={option}
            aria-pressed={option === language}
            data-testid={`language-${option}`}
            onClick={() => chooseLanguage(option)}
          >
            {languageNames[option]}
          </button>
        ))}
      </fieldset>
    </main>
  );
}
