import { describe, expect, it } from 'vitest';
import type { StationDeviceLayer } from '../../../electron/core/devices/station-adapter';
import type { CountAction } from '../../../shared/contract/counts';
import { demo } from '../../../shared/demo/dataset';
import type { TestStation } from '../../support/station-fixture';
import { type BenchHardware, stationsOnBenchHardware } from '../receiving/support/bench-devices';
import { opsOf, scan } from '../receiving/support/receiving';

describe('counting small parts by weight on a real MT-SICS scale on a pty', () => {
  let bench: BenchHardware;
  let devices: StationDeviceLayer;
  let t: TestStation;
  stationsOnBenchHardware(
    async (station) => {
      await station.signIn('counter');
      await station.call('workflow.select', { workflow: 'counts' });
      expect(await scan(station, 'A-01-01-1')).toMatchObject({ outcome: 'accepted', message: { code: 'counts.started' } });
    },
    (b, d, station) => {
      bench = b;
      devices = d;
      t = station;
    },
  );

  it('counts bolts from a stable reading less the tote tare; 50 where the cache knows of none asks for a recount', async () => {
    await bench.putOnScale(devices, 1.475);
    const weighed = await t.call<CountAction>('counts.weighCount', { itemId: demo.items.bolt, tareKg: 0.4 });
    expect(weighed.feedback).toMatchObject({ outcome: 'accepted', message: { code: 'counts.counted', params: { count: 50 } } });
    expect(weighed.count?.lines).toEqual([expect.objectContaining({ sku: 'BOLT-M8X40', counted: 50 })]);
    const source = t.db.prepare('SELECT source, qty FROM count_scans').all();
    expect(source).toEqual([{ source: 'weight', qty: 50 }]);
    // No task for this location: the cache knows no on-hand there, so 50 found is beyond the tolerance.
    const finished = await t.call<CountAction>('counts.finish');
    expect(finished.feedback).toMatchObject({ outcome: 'warning', reason: 'recount_needed' });
    expect(opsOf(t, 'count.close')).toEqual([]);
  });

  it('refuses a swinging scale and counts nothing', async () => {
    await bench.putOnScale(devices, 1.2, true);
    const weighed = await t.call<CountAction>('counts.weighCount', { itemId: demo.items.bolt, tareKg: 0 });
    expect(weighed.feedback.outcome).toBe('refused');
    expect(weighed.count?.lines).toEqual([]);
    expect(t.db.prepare('SELECT count(*) AS n FROM count_scans').get()).toEqual({ n: 0 });
  });
});
