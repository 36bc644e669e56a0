import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ScanFeedback } from '../../../../shared/contract/station';
import { createTestStation, type TestStation } from '../../../support/station-fixture';
import { type PackBenchDevices, startPackBenchDevices } from './bench-devices';
import { scanner } from './pack-helpers';

export interface PackSuite {
  /** The pack bench's real devices, shared by the file's tests. */
  bench: PackBenchDevices;
  /** A fresh station per test, a packer signed in on the packing screen. */
  t: TestStation;
  scan: (data: string) => Promise<ScanFeedback>;
}

/**
 * Registers the hooks every pack bench test file needs and returns the suite's live state.
 * `onStation` runs on each new station before the packer signs in (e.g. to subscribe to its events); `handsFree`
 * turns the bench's hands-free loop on.
 */
export function usePackSuite(onStation?: (t: TestStation) => void, options: { handsFree?: boolean } = {}): PackSuite {
  const suite = {} as PackSuite;
  beforeAll(async () => {
    suite.bench = await startPackBenchDevices();
  });
  afterAll(async () => suite.bench.close());
  beforeEach(async () => {
    // The demo site packs hands-free; each suite says whether its bench does (the step-by-step flow by default).
    suite.t = await createTestStation({ devices: suite.bench.devices, config: { handsFreePacking: options.handsFree ?? false } });
    onStation?.(suite.t);
    await suite.t.signIn('packer');
    await suite.t.call('workflow.select', { workflow: 'packing' });
    suite.scan = scanner(suite.t);
  });
  afterEach(async () => suite.t.close());
  return suite;
}
