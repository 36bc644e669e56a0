import { type ReactNode, useEffect, useState } from 'react';
import type { SetupState } from '../../../../shared/contract/setup';
import { useClient } from '../../api/station-context';
import { InitialSyncBanner } from '../sync/InitialSyncProgress';
import { SetupWizard } from './SetupWizard';

/** Shows the first-run wizard instead of the app while the station has no config; otherwise the app. */
export function SetupGate({ children }: { children: ReactNode }) {
  const client = useClient();
  const [state, setState] = useState<SetupState | null | 'unknown'>('unknown');
  useEffect(() => {
    void client.attempt('setup.state', {}).then((r) => setState(r.ok ? r.value : null));
  }, [client]);
  if (state === 'unknown') return null;
  if (state?.needed) return <SetupWizard state={state} />;
  return (
    <>
      <InitialSyncBanner />
      {children}
    </>
  );
}
