import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createPackingRepo } from '../../../electron/core/packing/repo';
import { demo } from '../../../shared/demo/dataset';
import { english } from '../../support/english';
import { state, unitGtin, writeOrder } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

const suite = usePackSuite();

/** The demo order on the bench: two mugs (line 1) and one tape (line 2). */
const demoOrder = () => {
  const order = suite.t.dataset.orders.find((o) => o.id === demo.order);
  if (!order) throw new Error('no demo order');
  return order;
};

/** What is packed per line, read from the tables as they are. */
const packedInTables = (orderId: string): Record<number, number> =>
  Object.fromEntries(
    (
      suite.t.db
        .prepare(`SELECT u.line_no, sum(u.qty) AS n FROM pack_units u JOIN pack_cartons c ON c.id = u.carton_id
          WHERE u.order_id = ? AND c.state != 'discarded' GROUP BY u.line_no`)
        .all(orderId) as { line_no: number; n: number }[]
    ).map((r) => [r.line_no, r.n]),
  );

describe('what the bench counts between scans', () => {
  it('counts against the new lines when a sync changes the open order between two scans', async () => {
    await suite.scan(demo.order);
    expect(english((await suite.scan(unitGtin('mug'))).message)).toContain('1 of 2. 2 to go.');
    const order = demoOrder();
    writeOrder(suite.t, {
      ...order,
      lines: [
        { lineNo: 1, itemId: demo.items.mug, qty: 4 },
        { lineNo: 2, itemId: demo.items.tape, qty: 1 },
      ],
    });
    expect(english((await suite.scan(unitGtin('mug'))).message)).toContain('2 of 4. 3 to go.');
    const s = await state(suite.t);
    expect(s.lines.map((l) => [l.lineNo, l.qty, l.packed])).toEqual([
      [1, 4, 2],
      [2, 1, 0],
    ]);
    expect(s.remainingUnits).toBe(3);
  });

  it('sees a change another connection committed to the same station file', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const other = new Database(suite.t.db.name);
    try {
      other.prepare('UPDATE order_lines SET qty = 6 WHERE order_id = ? AND line_no = 1').run(demo.order);
    } finally {
      other.close();
    }
    expect(english((await suite.scan(unitGtin('mug'))).message)).toContain('2 of 6. 5 to go.');
  });

  it('starts over when the order is put down: the units of the open carton went back to the tote', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    await suite.scan(unitGtin('mug'));
    await suite.t.call('packing.leave');
    await suite.scan(demo.order);
    expect(english((await suite.scan(unitGtin('mug'))).message)).toContain('1 of 2. 2 to go.');
    expect(packedInTables(demo.order)).toEqual({ 1: 1 });
  });

  it('does not count a unit whose transaction rolled back, nor miss a unit written around it', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const repo = createPackingRepo(suite.t.db);
    expect(repo.linesOfItem(demo.order, demo.items.mug)).toEqual([{ lineNo: 1, itemId: demo.items.mug, qty: 2, packed: 1 }]);
    const carton = repo.openCarton(demo.order);
    if (!carton) throw new Error('no open carton');
    const unit = {
      carton_id: carton.id,
      order_id: demo.order,
      line_no: 2,
      item_id: demo.items.tape,
      qty: 1,
      lot: null,
      expiry: null,
      serial: null,
      via: 'scan' as const,
      operator_id: 'OP-TEST',
      at: suite.t.clock.now().toISOString(),
    };
    const counted = { orderId: demo.order, lineNo: 2, qty: 1 };
    expect(() =>
      suite.t.db.transaction(() => {
        repo.keepTally(() => repo.insertUnit(unit), counted);
        throw new Error('power cut');
      })(),
    ).toThrow('power cut');
    expect(repo.remainingUnits(demo.order)).toBe(2);
    expect(repo.packedByLine(demo.order)).toEqual(new Map([[1, 1]]));

    // Written without telling the tally: the next reading sees it all the same.
    repo.insertUnit(unit);
    expect(repo.linesOfItem(demo.order, demo.items.tape)).toEqual([{ lineNo: 2, itemId: demo.items.tape, qty: 1, packed: 1 }]);
    expect(repo.unitsToPack(demo.order)).toBe(1);

    // Told, and committed: kept in step without reading the order again.
    repo.keepTally(() => suite.t.db.transaction(() => repo.insertUnit({ ...unit, line_no: 1, item_id: demo.items.mug }))(), {
      ...counted,
      lineNo: 1,
    });
    expect(repo.packedByLine(demo.order)).toEqual(new Map(Object.entries(packedInTables(demo.order)).map(([k, v]) => [Number(k), v])));
    expect(repo.unitsToPack(demo.order)).toBe(0);
    expect(repo.remainingUnits(demo.order)).toBe(0);
  });
});
