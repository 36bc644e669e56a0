import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PackState } from '../../../shared/domain/packing';
import { demo } from '../../../shared/demo/dataset';
import { createZplPreviewer } from '../../../electron/core/devices/printer/preview';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { decodePng } from '../../support/devices/zbar';
import { startPackBenchDevices, type PackBenchDevices } from './support/bench-devices';
import { scanner, unitGtin } from './support/pack-helpers';

let bench: PackBenchDevices;
let t: TestStation;

beforeAll(async () => {
  bench = await startPackBenchDevices();
});
afterAll(async () => bench.close());
beforeEach(async () => {
  t = await createTestStation({ devices: bench.devices });
  await t.signIn('packer');
  await t.call('workflow.select', { workflow: 'packing' });
});
afterEach(async () => t.close());

describe('the shipping label the printer receives', () => {
  it('scans back to the tracking number (Code 128) and the carton SSCC (GS1-128)', async () => {
    const scan = scanner(t);
    await scan(demo.order);
    for (const d of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await scan(d);
    await bench.putOnScale(1.09);
    await t.call('packing.weigh');
    const s = await t.call<PackState>('packing.printLabel');
    const zpl = (await bench.labels.nextJob()).toString('latin1');
    const carton = s.cartons[0];
    const symbols = await decodePng(await createZplPreviewer().render(zpl));
    expect(symbols).toContainEqual({ type: 'CODE-128', data: carton?.label?.tracking, gs1: false });
    expect(symbols).toContainEqual({ type: 'CODE-128', data: `00${carton?.sscc}`, gs1: true });
    expect(zpl).toContain('HOUSE');
    expect(zpl).toContain('Waalhaven Zuidzijde 12');
    expect(zpl).toContain('CARTON 1 OF 1');
  }, 30_000);
});
