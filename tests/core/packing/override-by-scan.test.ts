import { describe, expect, it } from 'vitest';
import { demo } from '../../../shared/demo/dataset';
import type { PackState } from '../../../shared/domain/packing';
import { outboxOps, unitGtin } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

const suite = usePackSuite();

describe('a weight override approved by a scanned badge', () => {
  it('takes the scan after approval.await as the badge, not as an item, and records the supervisor', async () => {
    await suite.scan(demo.order);
    for (const d of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(d);
    await suite.bench.putOnScale(0.75);
    const weighed = await suite.t.call<PackState>('packing.weigh');
    expect(weighed.cartons[0]?.weight).toMatchObject({ status: 'out' });

    await suite.t.call('approval.await', { purpose: 'packing.overrideWeight' });
    // An item scanned now is refused as a badge: nothing is packed.
    expect(await suite.scan(unitGtin('mug'))).toMatchObject({ outcome: 'refused' });
    expect(await suite.scan(demo.badges.packer)).toMatchObject({ outcome: 'refused', reason: 'forbidden' });
    expect((await suite.t.call<PackState>('packing.state')).cartons[0]?.unitCount).toBe(3);

    expect(await suite.scan(demo.badges.supervisor)).toMatchObject({ outcome: 'accepted', message: { code: 'approvals.approvedBy' } });
    const overridden = await suite.t.call<PackState>('packing.overrideWeight', { scanned: true, reason: 'Extra padding' });
    expect(overridden.cartons[0]?.weight).toMatchObject({ status: 'overridden', overrideBy: 'OP-CHLOE' });
    // Taken once: a second override by the same scan is refused.
    expect(await suite.t.station.call('packing.overrideWeight', { scanned: true, reason: 'Extra padding' })).toMatchObject({ ok: false });

    await suite.t.call('packing.printLabel');
    await suite.bench.labels.nextJob();
    await suite.t.call('packing.closeCarton');
    expect(outboxOps(suite.t).at(-1)?.payload).toMatchObject({ overrideBy: 'OP-CHLOE', overrideReason: 'Extra padding' });
  });
});
