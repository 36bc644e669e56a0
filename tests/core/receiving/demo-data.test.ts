import { describe, expect, it } from 'vitest';
import { trainingDevices } from '../../../electron/core/devices/station-adapter';
import { countByWeight } from '../../../electron/core/receiving/weight-count';
import { buildDemoDataset, demo } from '../../../shared/demo/dataset';
import { Asn, SiteSettings } from '../../../shared/domain/master-data';

describe('the demo site for receiving', () => {
  const data = buildDemoDataset(new Date('2026-11-25T09:00:00Z'));

  it('has weight-counted items the simulated dock scale can count, at every count up to a full case', () => {
    const dock = trainingDevices.find((d) => d.role === 'receiving-scale');
    const division = dock && 'division' in dock ? dock.division : undefined;
    expect(division).toBeDefined();
    const bolt = data.items.find((i) => i.id === demo.items.bolt);
    if (!bolt || division === undefined) throw new Error('no demo bolt or dock scale');
    for (let count = 1; count <= 50; count++) {
      // What the scale shows: the load rounded to its division.
      const shown = Math.round((count * bolt.unitWeightG) / 1000 / division) * division;
      expect(countByWeight({ value: shown, unit: 'kg', stable: true, status: 'ok', division }, bolt.unitWeightG)).toMatchObject({
        ok: true,
        count,
      });
    }
  });

  it('announces a supplier pallet with its contents and gross weight, and has suppliers for receipts without PO', () => {
    const asn = Asn.parse(data.asns.find((a) => a.id === demo.asn));
    expect(asn.pallets).toEqual([{ sscc: demo.asnPallet, expectedGrossKg: 38.5 }]);
    expect(asn.lines.filter((l) => l.sscc === demo.asnPallet).length).toBeGreaterThan(1);
    const site = SiteSettings.parse(data.site);
    expect(site.suppliers?.map((s) => s.id)).toContain(demo.blindSupplier);
    expect(site.suppliers?.some((s) => s.audit)).toBe(true);
  });
});
