import { useTranslation } from 'react-i18next';
import type { Workflow } from '../../../../shared/contract/station';
import type { Operator } from '../../../../shared/domain/master-data';
import { mayWork } from '../../../../shared/domain/roles';

export function Home({ operator, go }: { operator: Operator; go: (w: Workflow) => void }) {
  const { t } = useTranslation();
  const canReceive = mayWork('receiving', operator);
  const canPack = mayWork('packing', operator);
  return (
    <main className="home">
      <h1>{t('home.greeting', { name: operator.name })}</h1>
      <nav className="home__tiles" aria-label={t('home.workflows')}>
        <button type="button" className="tile" disabled={!canReceive} onClick={() => go('receiving')}>
          <span aria-hidden="true">📥</span>
          {t('home.receive')}
        </button>
        <button type="button" className="tile" disabled={!canPack} onClick={() => go('packing')}>
          <span aria-hidden="true">📦</span>
          {t('home.pack')}
        </button>
        <button type="button" className="tile" onClick={() => go('devices')}>
          <span aria-hidden="true">🔌</span>
          {t('home.devices')}
        </button>
        <button type="button" className="tile" onClick={() => go('sync')}>
          <span aria-hidden="true">🔄</span>
          {t('home.sync')}
        </button>
        <button type="button" className="tile" onClick={() => go('diagnostics')}>
          <span aria-hidden="true">🩺</span>
          {t('home.diagnostics')}
        </button>
      </nav>
    </main>
  );
}
