import type { Migration } from '../migrate';

export const migration: Migration = {
  version: 4,
  name: 'sync',
  up() {
    // Tables of this step are added by its feature.
  },
};
