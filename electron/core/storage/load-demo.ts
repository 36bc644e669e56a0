import type { Database } from 'better-sqlite3';
import type { DemoDataset } from '../../../shared/demo/dataset';
import { createMasterDataWriter } from './master-data';

/** Writes a dataset straight into the station cache (standalone mode and tests; with a server the station pulls it instead). */
export function loadDatasetIntoCache(db: Database, data: DemoDataset): void {
  const write = createMasterDataWriter(db);
  db.transaction(() => {
    write.siteSettings(data.site);
    data.operators.forEach(write.operator);
    data.items.forEach(write.item);
    data.locations.forEach(write.location);
    data.purchaseOrders.forEach(write.purchaseOrder);
    data.asns.forEach(write.asn);
    data.orders.forEach(write.order);
    data.cartonTypes.forEach(write.cartonType);
    data.holds.forEach(write.hold);
    data.rmas.forEach(write.rma);
    // Standalone, the station is its own ERP: a task's expected quantity is the dataset's.
    for (const task of data.countTasks) write.countTask({ ...task, status: 'open', createdAt: new Date(0).toISOString() });
  })();
}
