import type { Migration } from '../migrate';

export const migration: Migration = {
  version: 3,
  name: 'packing',
  up() {
    // Tables of this step are added by its feature.
  },
};
