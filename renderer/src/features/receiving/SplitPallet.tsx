import { Minus, Plus, ShieldAlert, Split } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LpnView } from '../../../../shared/domain/receiving';
import { QuarantinePutaway } from './QuarantinePutaway';
import type { Run } from './useRun';
import './pallet.css';

type Group = LpnView['items'][number];

function SplitRow({ lpn, group, run }: { lpn: string; group: Group; run: Run }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState(group.qty);
  const id = `${group.itemId}-${group.lot ?? 'nolot'}-${group.onHold ? 'held' : 'free'}`;
  return (
    <li className="split-pallet__row" data-testid={`split-${id}`}>
      <span>
        <strong>{group.sku}</strong>
        {group.lot ? ` (${group.lot})` : ''} · {group.qty}
        {group.onHold ? <span className="blind-receipt__audit">{t('receiving.split.held')}</span> : null}
      </span>
      <span className="split-pallet__stepper">
        <button type="button" aria-label="−" onClick={() => setQty((n) => Math.max(1, n - 1))}>
          <Minus aria-hidden size={20} />
        </button>
        <output aria-label={t('receiving.split.qty')} data-testid={`split-qty-${id}`}>
          {qty}
        </output>
        <button type="button" aria-label="+" onClick={() => setQty((n) => Math.min(group.qty, n + 1))}>
          <Plus aria-hidden size={20} />
        </button>
      </span>
      <button
        type="button"
        data-testid={`split-move-${id}`}
        onClick={() =>
          void run('receiving.lpn.split', { lpn, itemId: group.itemId, lot: group.lot, onHold: group.onHold, qty, container: 'tote' })
        }
      >
        <Split aria-hidden size={20} /> {t('receiving.split.move')}
      </button>
    </li>
  );
}

/**
 * Plates not put away that hold more than one kind of goods: units moved onto a new plate (a held unit off a mixed
 * pallet), or, with goods on hold, the whole plate to quarantine once it is confirmed and a supervisor approved.
 */
export function SplitPallet({ lpns, run }: { lpns: LpnView[]; run: Run }) {
  const { t } = useTranslation();
  const [quarantine, setQuarantine] = useState<string | null>(null);
  const open = lpns.filter((p) => p.location === null && (p.items.length > 1 || p.items.some((i) => i.onHold)));
  if (open.length === 0) return null;
  return (
    <>
      {open.map((plate) => (
        <section key={plate.lpn} className="card split-pallet" data-testid={`split-pallet-${plate.lpn}`}>
          <h2>{t('receiving.split.title', { lpn: plate.lpn })}</h2>
          {plate.items.length > 1 && (
            <>
              <p className="muted">{t('receiving.split.hint')}</p>
              <ul className="list">
                {plate.items.map((g) => (
                  <SplitRow key={`${g.itemId}-${g.lot ?? ''}-${g.onHold}-${g.qty}`} lpn={plate.lpn} group={g} run={run} />
                ))}
              </ul>
            </>
          )}
          {plate.items.some((i) => i.onHold) && (
            <button type="button" data-testid={`quarantine-${plate.lpn}`} onClick={() => setQuarantine(plate.lpn)}>
              <ShieldAlert aria-hidden size={20} /> {t('receiving.split.quarantine')}
            </button>
          )}
          {quarantine === plate.lpn && <QuarantinePutaway plate={plate} run={run} onDone={() => setQuarantine(null)} />}
        </section>
      ))}
    </>
  );
}
