import type { PackState } from '../../../../shared/domain/packing';
import type { TestStation } from '../../../support/station-fixture';
import type { PackBenchDevices } from './bench-devices';

/** Weighs the open carton at `kg`, prints its label and closes it. */
export async function weighLabelClose(t: TestStation, bench: PackBenchDevices, kg: number): Promise<PackState> {
  await bench.putOnScale(kg);
  const weighed = await t.call<PackState>('packing.weigh');
  if (weighed.cartons.find((c) => c.id === weighed.openCartonId)?.weight?.status !== 'ok')
    throw new Error(`weight not ok: ${weighed.notice ?? ''}`);
  await t.call('packing.printLabel');
  await bench.labels.nextJob();
  return t.call<PackState>('packing.closeCarton');
}
