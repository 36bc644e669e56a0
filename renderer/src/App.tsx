import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationInfo, Workflow } from '../../shared/contract/station';
import type { Operator } from '../../shared/domain/master-data';
import { isSupervisor } from '../../shared/domain/roles';
import { useClient, useEvent } from './api/station-context';
import { DevicesScreen } from './features/devices/DevicesScreen';
import { DiagnosticsScreen } from './features/diagnostics/DiagnosticsScreen';
import { Home } from './features/home/Home';
import { PackingScreen } from './features/packing/PackingScreen';
import { ReceivingScreen } from './features/receiving/ReceivingScreen';
import { SignIn } from './features/signin/SignIn';
import { SyncScreen } from './features/sync/SyncScreen';
import { FeedbackBanner } from './ui/FeedbackBanner';
import { ScanField } from './ui/ScanField';
import { StatusBar } from './ui/StatusBar';

const scanScreens: Workflow[] = ['home', 'receiving', 'packing'];

export function App({ info }: { info: StationInfo }) {
  const { t } = useTranslation();
  const client = useClient();
  const [operator, setOperator] = useState<Operator | null>(null);
  const [screen, setScreen] = useState<Workflow>('home');

  // Events may overtake a command's answer on the wire: a sign-in pushed after this question was asked wins.
  // Asked again each time the core connection comes back: a restarted core has no session, so the sign-in screen shows.
  const sessionEvents = useRef(0);
  useEffect(
    () =>
      client.onConnection((connected) => {
        if (!connected) return;
        const asked = sessionEvents.current;
        void client.attempt('session.current', {}).then((r) => {
          if (!r.ok || sessionEvents.current !== asked) return;
          setOperator(r.value);
          if (r.value === null) setScreen('home');
        });
      }),
    [client],
  );
  useEvent('session.changed', ({ operator: next }) => {
    sessionEvents.current += 1;
    setOperator(next);
    setScreen('home');
  });

  const go = (w: Workflow) => {
    setScreen(w);
    void client.attempt('workflow.select', { workflow: w });
  };

  return (
    <div className="app" data-screen={operator ? screen : 'signin'}>
      <header className="topbar">
        <span className="topbar__brand">{t('app.name')}</span>
        <span className="topbar__station">
          {info.stationName} · {info.siteName}
        </span>
        {operator && screen !== 'home' && (
          <button type="button" onClick={() => go('home')}>
            <span aria-hidden="true">← </span>
            {t('common.back')}
          </button>
        )}
        {operator && (
          <span className="topbar__operator" data-testid="operator-name">
            {operator.name}
          </span>
        )}
        {operator && (
          <button type="button" onClick={() => void client.attempt('session.signOut', {})}>
            {t('home.signOut')}
          </button>
        )}
      </header>
      {!operator ? (
        <SignIn stationName={info.stationName} />
      ) : (
        <>
          {scanScreens.includes(screen) && (
            <section className="scanbar">
              <ScanField onScan={(data) => void client.attempt('scan.submit', { data })} />
              <FeedbackBanner />
            </section>
          )}
          {screen === 'home' && <Home operator={operator} go={go} />}
          {screen === 'receiving' && <ReceivingScreen operator={operator} />}
          {screen === 'packing' && <PackingScreen operator={operator} />}
          {screen === 'devices' && <DevicesScreen training={info.training} />}
          {screen === 'diagnostics' && <DiagnosticsScreen canSetUp={isSupervisor(operator)} />}
          {screen === 'sync' && <SyncScreen supervisor={isSupervisor(operator)} />}
        </>
      )}
      <StatusBar training={info.training} />
    </div>
  );
}
