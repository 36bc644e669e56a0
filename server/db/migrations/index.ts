import { initial } from './0001-initial';
import { opIdsPerStation } from './0002-op-ids-per-station';
import { keyedBySite } from './0003-keyed-by-site';
import { numberLeases } from './0004-number-leases';
import { cartonRelabel } from './0005-carton-relabel';
import { unplannedReceipts } from './0006-unplanned-receipts';
import { returns } from './0007-returns';
import { countsInspections } from './0008-counts-inspections';
import { snapshotRows } from './0009-snapshot-rows';
import { packedItems } from './0010-packed-items';
import { seqIndexWithEntity } from './0011-seq-index-with-entity';
import type { ServerMigration } from './migration';

export type { ServerMigration } from './migration';

/** Every schema step, oldest first; a new step is a new file here with the next version. */
export const migrations: readonly ServerMigration[] = [
  initial,
  opIdsPerStation,
  keyedBySite,
  numberLeases,
  cartonRelabel,
  unplannedReceipts,
  returns,
  countsInspections,
  snapshotRows,
  packedItems,
  seqIndexWithEntity,
];
