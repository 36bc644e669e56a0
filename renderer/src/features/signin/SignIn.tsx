import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandError } from '../../api/client';
import { useClient } from '../../api/station-context';
import { play } from '../../ui/sounds';

/** Sign-in by badge: a badge scanner types into the field and ends with Enter, or the operator types the code. */
export function SignIn({ stationName }: { stationName: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [badge, setBadge] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await client.call('session.signIn', { badge });
      play('good');
    } catch (err) {
      play('bad');
      setError(err instanceof CommandError ? err.message : String(err));
      setBadge('');
    }
  };

  return (
    <main className="signin">
      <h1>
        {t('app.name')} · {stationName}
      </h1>
      <form onSubmit={submit} className="signin__form" aria-labelledby="signin-title">
        <h2 id="signin-title">{t('signin.title')}</h2>
        <p>{t('signin.prompt')}</p>
        <input
          autoFocus
          data-testid="badge-input"
          aria-label={t('signin.badge')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'signin-error' : undefined}
          value={badge}
          onChange={(e) => setBadge(e.target.value)}
          autoComplete="off"
          inputMode="numeric"
        />
        <button type="submit" className="big-button">
          {t('signin.submit')}
        </button>
        {error && (
          <p className="form-error" role="alert" id="signin-error" data-testid="signin-error">
            <span aria-hidden="true">✖ </span>
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
