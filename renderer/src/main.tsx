import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { StationInfo } from '../../shared/contract/station';
import { Language } from '../../shared/domain/language';
import { App } from './App';
import { createClient, defaultTransport } from './api/client';
import { StationProvider } from './api/station-context';
import { SetupGate } from './features/setup/SetupGate';
import { initI18n } from './i18n';
import './styles.css';

// Shown before the station's language is known (its config is read through the core): the browser's language decides.
const waitingForCore: Record<Language, string> = {
  en: 'Waiting for the station core…',
  de: 'Warte auf den Stationskern…',
  es: 'Esperando al núcleo de la estación…',
};
const bootLanguage = (): Language => Language.safeParse(navigator.language.slice(0, 2)).data ?? 'en';

async function start() {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const client = createClient(defaultTransport());
  let info: StationInfo;
  for (;;) {
    const result = await client.attempt('station.info', {});
    if (result.ok) {
      info = result.value;
      break;
    }
    root.render(
      <p className="boot-error" role="alert" lang={bootLanguage()}>
        {waitingForCore[bootLanguage()]}
      </p>,
    );
    await new Promise((r) => setTimeout(r, 1000));
  }
  await initI18n(info.locale);
  document.documentElement.lang = info.locale;
  root.render(
    <StrictMode>
      <StationProvider client={client}>
        <SetupGate>
          <App info={info} />
        </SetupGate>
      </StationProvider>
    </StrictMode>,
  );
}

void start();
