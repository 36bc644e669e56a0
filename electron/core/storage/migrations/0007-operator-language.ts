import type { Migration } from '../migrate';

/** An operator may have their own language (from the ERP); the station switches to it at sign-in. */
export const migration: Migration = {
  version: 7,
  name: 'operator-language',
  up(db) {
    db.exec(`ALTER TABLE operators ADD COLUMN locale TEXT CHECK (locale IS NULL OR locale IN ('en', 'de', 'es'))`);
  },
};
