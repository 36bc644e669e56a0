import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { StationInfo } from '../../shared/contract/station';
import { App } from './App';
import { createClient, defaultTransport } from './api/client';
import { StationProvider } from './api/station-context';
import { SetupGate } from './features/setup/SetupGate';
import { initI18n } from './i18n';
import './styles.css';

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
      <p className="boot-error" role="alert">
        Waiting for the station core…
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
