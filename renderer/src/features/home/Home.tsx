import { Activity, ClipboardList, Package, PackageOpen, RefreshCw, Undo2, Usb } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Workflow } from '../../../../shared/contract/station';
import type { Operator } from '../../../../shared/domain/master-data';
import { mayWork } from '../../../../shared/domain/roles';

export function Home({ operator, go }: { operator: Operator; go: (w: Workflow) => void }) {
  const { t } = useTranslation();
  const canReceive = mayWork('receiving', operator);
  const canPack = mayWork('packing', operator);
  const canReturn = mayWork('returns', operator);
  const canCount = mayWork('counts', operator);
  return (
    <main className="home">
      <h1>{t('home.greeting', { name: operator.name })}</h1>
      <nav className="home__tiles" aria-label={t('home.workflows')}>
        <button type="button" className="tile" disabled={!canReceive} onClick={() => go('receiving')}>
          <PackageOpen className="tile__icon" aria-hidden="true" size={48} />
          {t('home.receive')}
        </button>
        <button type="button" className="tile" disabled={!canPack} onClick={() => go('packing')}>
          <Package className="tile__icon" aria-hidden="true" size={48} />
          {t('home.pack')}
        </button>
        {canReturn && (
          <button type="button" className="tile" onClick={() => go('returns')} data-testid="tile-returns">
            <Undo2 className="tile__icon" aria-hidden="true" size={48} />
            {t('home.returns')}
          </button>
        )}
        {canCount && (
          <button type="button" className="tile" onClick={() => go('counts')}>
            <ClipboardList className="tile__icon" aria-hidden="true" size={48} />
            {t('home.count')}
          </button>
        )}
        <button type="button" className="tile" onClick={() => go('devices')}>
          <Usb className="tile__icon" aria-hidden="true" size={48} />
          {t('home.devices')}
        </button>
        <button type="button" className="tile" onClick={() => go('sync')}>
          <RefreshCw className="tile__icon" aria-hidden="true" size={48} />
          {t('home.sync')}
        </button>
        <button type="button" className="tile" onClick={() => go('diagnostics')}>
          <Activity className="tile__icon" aria-hidden="true" size={48} />
          {t('home.diagnostics')}
        </button>
      </nav>
    </main>
  );
}
