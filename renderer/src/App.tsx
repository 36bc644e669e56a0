import { ArrowLeft, LogOut } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationInfo, Workflow } from '../../shared/contract/station';
import type { Operator } from '../../shared/domain/master-data';
import { isSupervisor } from '../../shared/domain/roles';
import { useScanLoop } from './api/scan-loop';
import { useClient, useEvent } from './api/station-context';
import { CountsScreen } from './features/counts/CountsScreen';
import { DevicesScreen } from './features/devices/DevicesScreen';
import { DiagnosticsScreen } from './features/diagnostics/DiagnosticsScreen';
import { Home } from './features/home/Home';
import { PackingScreen } from './features/packing/PackingScreen';
import { ReceivingScreen } from './features/receiving/ReceivingScreen';
import { ReturnsScreen } from './features/returns/ReturnsScreen';
import { SignIn } from './features/signin/SignIn';
import { SyncScreen } from './features/sync/SyncScreen';
import { useOperatorLanguage } from './i18n/operator-language';
import { ScanAnswer } from './ui/ScanAnswer';
import { ScanField } from './ui/ScanField';
import { StatusBar } from './ui/StatusBar';
import { defaultWedgeRules, type WedgeRules } from './ui/wedge';

const scanScreens: Workflow[] = ['home', 'receiving', 'packing', 'returns', 'counts'];

export function App({ info }: { info: StationInfo }) {
  const { t } = useTranslation();
  const client = useClient();
  const [operator, setOperator] = useState<Operator | null>(null);
  const [screen, setScreen] = useState<Workflow>('home');
  const language = useOperatorLanguage(operator, info.locale);

  const wedgeRules = useMemo<WedgeRules>(() => ({ ...defaultWedgeRules, ...info.wedge }), [info.wedge]);

  // Events may overtake a command's answer on the wire: a sign-in pushed after this question was asked wins.
  const sessionEvents = useRef(0);
  const readSession = useRef<() => void>(() => undefined);
  // A host whose core is restarting answers `offline` for a while: asked again until the core answers.
  const sessionReads = useRef(0);
  readSession.current = () => {
    const asked = sessionEvents.current;
    const read = ++sessionReads.current;
    const ask = (attempt: number) => {
      void client.attempt('session.current', {}).then((r) => {
        if (sessionEvents.current !== asked || sessionReads.current !== read) return;
        if (!r.ok) {
          if (r.error.code === 'offline' || r.error.code === 'busy') setTimeout(() => ask(attempt + 1), Math.min(250 * 2 ** attempt, 2000));
          return;
        }
        setOperator(r.value);
        if (r.value === null) setScreen('home');
      });
    };
    ask(0);
  };
  // A scan the core did not take: the screen follows the core (sign-in if the session is gone).
  const scans = useScanLoop(client, () => readSession.current());
  const { clear: clearScan, markStale: scanOvertaken } = scans;
  // Asked again each time the core connection comes back: a restarted core has no session, so the sign-in screen shows.
  // An answer given before the connection dropped is old news from then on.
  useEffect(
    () =>
      client.onConnection((connected) => {
        if (!connected) scanOvertaken();
        else readSession.current();
      }),
    [client, scanOvertaken],
  );
  useEvent('session.changed', ({ operator: next }) => {
    sessionEvents.current += 1;
    setOperator(next);
    setScreen('home');
    clearScan();
  });

  const go = (w: Workflow) => {
    setScreen(w);
    clearScan();
    void client.attempt('workflow.select', { workflow: w });
  };

  const scanScreen = operator !== null && scanScreens.includes(screen);
  return (
    <div className={`app${scanScreen ? ' app--scan' : ''}`} data-screen={operator ? screen : 'signin'}>
      <header className="topbar">
        {!scanScreen && (
          <span className="topbar__brand-block">
            <span className="topbar__brand">{t('app.name')}</span>
            <span className="topbar__station">
              {info.stationName} · {info.siteName}
            </span>
          </span>
        )}
        {operator && screen !== 'home' && (
          <button type="button" className="topbar__back" onClick={() => go('home')}>
            <ArrowLeft aria-hidden="true" size={20} />
            {t('common.back')}
          </button>
        )}
        {scanScreen && (
          <section className="scanbar" aria-label={t('scan.label')}>
            <ScanField onScan={scans.scan} rules={wedgeRules} />
            <ScanAnswer state={scans.state} />
          </section>
        )}
        {operator && (
          <span className="topbar__who">
            <span className="topbar__operator" data-testid="operator-name">
              {operator.name}
            </span>
            <button type="button" onClick={() => void client.attempt('session.signOut', {})}>
              <LogOut aria-hidden="true" size={20} />
              {t('home.signOut')}
            </button>
          </span>
        )}
      </header>
      <div className="app__main">
        {!operator ? (
          <SignIn stationName={info.stationName} language={language.language} chooseLanguage={language.choose} />
        ) : (
          <>
            {screen === 'home' && <Home operator={operator} go={go} />}
            {screen === 'receiving' && <ReceivingScreen operator={operator} />}
            {screen === 'packing' && <PackingScreen operator={operator} />}
            {screen === 'returns' && <ReturnsScreen operator={operator} />}
            {screen === 'counts' && <CountsScreen operator={operator} />}
            {screen === 'devices' && <DevicesScreen training={info.training} />}
            {screen === 'diagnostics' && <DiagnosticsScreen canSetUp={isSupervisor(operator)} />}
            {screen === 'sync' && <SyncScreen supervisor={isSupervisor(operator)} />}
          </>
        )}
      </div>
      <StatusBar training={info.training} where={scanScreen ? `${info.stationName} · ${info.siteName}` : undefined} />
    </div>
  );
}
