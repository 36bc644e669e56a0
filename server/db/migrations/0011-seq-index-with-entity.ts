import { runScript, type ServerMigration } from './migration';

/**
 * The change log's sequence index carries each row's entity, so a snapshot's row counts by entity (its `begin` frame,
 * which the station waits for) read the index alone instead of the whole table with its records.
 */
export const seqIndexWithEntity: ServerMigration = {
  version: 11,
  name: 'seq-index-with-entity',
  up: (db) =>
    runScript(
      db,
      `
CREATE UNIQUE INDEX change_log_seq_entity ON change_log (site_id, seq) INCLUDE (entity);
DROP INDEX change_log_seq;
ALTER INDEX change_log_seq_entity RENAME TO change_log_seq
`,
    ),
};
