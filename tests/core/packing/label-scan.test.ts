import { describe, expect, it } from 'vitest';
import { createZplPreviewer } from '../../../electron/core/devices/printer/preview';
import { demo } from '../../../shared/demo/dataset';
import type { PackState } from '../../../shared/domain/packing';
import { decodePng } from '../../support/devices/zbar';
import { scanner, unitGtin } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

const suite = usePackSuite();

describe('the shipping label the printer receives', () => {
  it('scans back to the tracking number (Code 128) and the carton SSCC (GS1-128)', async () => {
    const _scan = scanner(suite.t);
    await suite.scan(demo.order);
    for (const d of [unitGtin('mug'), unitGtin('mug'), unitGtin('tape')]) await suite.scan(d);
    await suite.bench.putOnScale(1.09);
    await suite.t.call('packing.weigh');
    const s = await suite.t.call<PackState>('packing.printLabel');
    const zpl = (await suite.bench.labels.nextJob()).toString('latin1');
    const carton = s.cartons[0];
    const symbols = await decodePng(await createZplPreviewer().render(zpl));
    expect(symbols).toContainEqual({ type: 'CODE-128', data: carton?.label?.tracking, gs1: false });
    expect(symbols).toContainEqual({ type: 'CODE-128', data: `00${carton?.sscc}`, gs1: true });
    expect(zpl).toContain('HOUSE');
    expect(zpl).toContain('Waalhaven Zuidzijde 12');
    expect(zpl).toContain('CARTON 1 OF 1');
  }, 30_000);
});
