import { describe, expect, it } from 'vitest';
import { demo } from '../../../shared/demo/dataset';
import type { Manifest, PackKpis } from '../../../shared/domain/packing';
import { weighLabelClose } from './support/pack-flow';
import { gs1, outboxOps, unitGtin } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

const suite = usePackSuite();

async function shipSo2001(): Promise<void> {
  await suite.scan(demo.order);
  for (const d of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(d);
  await weighLabelClose(suite.t, suite.bench, 1.09);
  await suite.t.call('packing.closeShipment');
}

async function shipSo2002(): Promise<void> {
  await suite.scan('SO-2002');
  await suite.scan(gs1(unitGtin('yoghurt'), { expiry: '261231', lot: 'L2411A' }));
  await suite.scan(gs1(unitGtin('scanner'), { serial: 'SN-9' }));
  await weighLabelClose(suite.t, suite.bench, 0.96);
  await suite.t.call('packing.closeShipment');
}

describe('end-of-day manifests', () => {
  it('collects shipped cartons per carrier; a closed manifest takes no more cartons', async () => {
    await shipSo2001();
    let manifests = await suite.t.call<Manifest[]>('packing.manifests');
    expect(manifests).toHaveLength(1);
    const first = manifests[0];
    expect(first).toMatchObject({ carrier: 'HOUSE', date: '2026-11-25', state: 'open' });
    expect(first?.cartons.map((c) => c.orderNumber)).toEqual([demo.order]);
    expect(first?.totalWeightG).toBe(1090);

    const closed = await suite.t.call<Manifest>('packing.closeManifest', { manifestId: first?.id });
    expect(closed.state).toBe('closed');
    const op = outboxOps(suite.t).at(-1);
    expect(op).toMatchObject({
      kind: 'manifest.close',
      payload: { manifestId: first?.id, carrier: 'HOUSE', date: '2026-11-25', cartonIds: first?.cartons.map((c) => c.cartonId) },
    });
    expect(await suite.t.station.call('packing.closeManifest', { manifestId: first?.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    await shipSo2002();
    manifests = await suite.t.call<Manifest[]>('packing.manifests');
    expect(manifests.map((m) => [m.state, m.cartons.length])).toEqual([
      ['closed', 1],
      ['open', 1],
    ]);
    expect(manifests[1]?.cartons[0]?.orderNumber).toBe('SO-2002');

    const db = suite.t.db;
    const cartonOf2002 = manifests[1]?.cartons[0]?.cartonId;
    expect(() => db.prepare('UPDATE pack_cartons SET manifest_id = ? WHERE id = ?').run(first?.id, cartonOf2002)).toThrow(
      /manifest is closed/,
    );
  });

  it('refuses to close an empty or unknown manifest', async () => {
    expect(await suite.t.station.call('packing.closeManifest', { manifestId: 'MF-NONE' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('prints a manifest as a PDF', async () => {
    await shipSo2001();
    const [m] = await suite.t.call<Manifest[]>('packing.manifests');
    const job = await suite.t.call<{ state: string }>('packing.printManifest', { manifestId: m?.id });
    expect(job.state).toBe('done');
    const pdf = await suite.bench.documents.nextJob();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('bench KPIs', () => {
  it('counts orders, units, scan errors and weight exceptions for the packer and the shift', async () => {
    await suite.scan(demo.order);
    await suite.scan(unitGtin('bolt')); // a wrong item: one scan error
    for (const d of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(d);
    await suite.bench.putOnScale(0.5);
    await suite.t.call('packing.weigh'); // out of tolerance: one weight exception
    await weighLabelClose(suite.t, suite.bench, 1.09);
    await suite.t.call('packing.closeShipment');
    suite.t.clock.advance(30 * 60_000);

    const mine = await suite.t.call<PackKpis>('packing.kpis');
    expect(mine.packer).toMatchObject({ operatorId: 'OP-BEN', orders: 1, units: 3, scanErrors: 1, weightExceptions: 1 });
    // rates are per hour since the shift began
    const hours = (suite.t.clock.now().getTime() - new Date(mine.shiftStart).getTime()) / 3_600_000;
    expect(mine.packer.unitsPerHour).toBeCloseTo(3 / hours, 1);
    expect(mine.shift).toMatchObject({ orders: 1, units: 3, scanErrors: 1, weightExceptions: 1 });

    await suite.t.signIn('supervisor');
    const theirs = await suite.t.call<PackKpis>('packing.kpis');
    expect(theirs.packer).toMatchObject({ operatorId: 'OP-CHLOE', orders: 0, units: 0, scanErrors: 0 });
    expect(theirs.shift.orders).toBe(1);
  });
});
