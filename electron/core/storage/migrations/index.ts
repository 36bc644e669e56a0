import type { Migration } from '../migrate';
import { migration as initial } from './0001-initial';
import { migration as receiving } from './0002-receiving';
import { migration as packing } from './0003-packing';
import { migration as sync } from './0004-sync';
import { migration as printJobs } from './0005-print-jobs';
import { migration as badgeHashes } from './0006-badge-hashes';
import { migration as operatorLanguage } from './0007-operator-language';
import { migration as returns } from './0008-returns';
import { migration as blindReceipts } from './0009-blind-receipts';
import { migration as countsInspections } from './0010-counts-inspections';
import { migration as loadIndexes } from './0011-load-indexes';
import { migration as barcodesWithoutRowid } from './0012-barcodes-without-rowid';

/** Every station schema step, in order. A new step is a new file and one line here. */
export const migrations: readonly Migration[] = [
  initial,
  receiving,
  packing,
  sync,
  printJobs,
  badgeHashes,
  operatorLanguage,
  returns,
  blindReceipts,
  countsInspections,
  loadIndexes,
  barcodesWithoutRowid,
];
