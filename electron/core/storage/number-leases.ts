import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type MessageCode, message } from '../../../shared/messages';
import type { NumberKind, NumberLease } from '../../../shared/sync-protocol';
import { ruleError } from '../kernel/errors';

/** The blocks of numbers the server leased to this station, per kind, in `meta` (taken inside the caller's transaction). */
const LeasedNumbers = z.object({
  blocks: z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])),
  refillBelow: z.number().int().positive(),
});
type LeasedNumbers = z.infer<typeof LeasedNumbers>;

const key = (kind: NumberKind) => `numbers.${kind}`;
/** Set once the server leased this station numbers: from then on numbers come from leases only, never a local counter. */
export const META_NUMBERS_LEASED = 'numbers.leased';

export interface NumberStock {
  kind: NumberKind;
  left: number;
  refillBelow: number;
}

const KIND_NAMES: Record<NumberKind, MessageCode> = { sscc: 'numbers.sscc', lpn: 'numbers.lpn', manifest: 'numbers.manifest' };

/** Leased number ranges: added when the server leases a block, taken one by one as SSCCs, LPNs and manifests are made. */
export function createNumberLeases(db: Database) {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const read = (kind: NumberKind): LeasedNumbers | undefined => {
    const row = get.get(key(kind)) as { value: string } | undefined;
    if (!row) return undefined;
    const parsed = LeasedNumbers.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  };
  const left = (stock: LeasedNumbers | undefined) => (stock ? stock.blocks.reduce((n, [first, last]) => n + last - first + 1, 0) : 0);
  return {
    /** Whether numbers come from leases (an enrolled station that got its first lease). */
    leased(): boolean {
      return (get.get(META_NUMBERS_LEASED) as { value: string } | undefined)?.value === '1';
    },
    /** Keeps a block the server leased (its range is this station's alone). */
    add(lease: NumberLease): void {
      const stock = read(lease.kind);
      const blocks = [...(stock?.blocks ?? []), [lease.first, lease.last] as [number, number]].sort((a, b) => a[0] - b[0]);
      set.run(key(lease.kind), JSON.stringify({ blocks, refillBelow: lease.refillBelow }));
      set.run(META_NUMBERS_LEASED, '1');
    },
    /** The next leased number; run it in the transaction that uses it, so a rolled-back change gives it back. */
    take(kind: NumberKind): number {
      const stock = read(kind);
      const block = stock?.blocks[0];
      if (!stock || !block) throw ruleError('errors.noNumbersLeft', { kind: message(KIND_NAMES[kind]) });
      const [first, last] = block;
      const blocks = first === last ? stock.blocks.slice(1) : [[first + 1, last] as [number, number], ...stock.blocks.slice(1)];
      set.run(key(kind), JSON.stringify({ ...stock, blocks }));
      return first;
    },
    stock(kind: NumberKind): NumberStock | undefined {
      const stock = read(kind);
      return stock ? { kind, left: left(stock), refillBelow: stock.refillBelow } : undefined;
    },
  };
}

export type NumberLeases = ReturnType<typeof createNumberLeases>;
