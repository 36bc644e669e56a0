import { SNAPSHOT_ITEM_COLUMNS } from '../../../shared/sync-protocol';
import { runScript, type ServerMigration } from './migration';

/**
 * Each item's row of a compact snapshot (`SNAPSHOT_ITEM_COLUMNS`), kept with its change as it is written, so a
 * snapshot reads stored text instead of building a million arrays while a station waits. Existing items get theirs here.
 */
export const snapshotRows: ServerMigration = {
  version: 9,
  name: 'snapshot-rows',
  up: (db) =>
    runScript(
      db,
      `
ALTER TABLE change_log ADD COLUMN snapshot_row text;
UPDATE change_log SET snapshot_row = json_build_array(${SNAPSHOT_ITEM_COLUMNS.map((c) => `record->'${c}'`).join(', ')})::text
  WHERE entity = 'item' AND op = 'upsert' AND record IS NOT NULL
`,
    ),
};
