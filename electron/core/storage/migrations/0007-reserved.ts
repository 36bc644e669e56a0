import type { Migration } from '../migrate';

/** Schema step 7 belongs to another feature branch; on this branch it changes nothing. */
export const migration: Migration = { version: 7, name: 'reserved', up() {} };
