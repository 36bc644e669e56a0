import type { Migration } from '../migrate';

export const migration: Migration = {
  version: 2,
  name: 'receiving',
  up() {
    // Tables of this step are added by its feature.
  },
};
