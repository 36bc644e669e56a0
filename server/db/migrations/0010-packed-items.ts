import { runScript, type ServerMigration } from './migration';

/**
 * Each item's part of a packed snapshot (`PACKED_ITEM_TEXTS` in shared/sync-protocol.ts): its texts as the content of
 * a JSON string and its numbers as a JSON list's content, kept with its change as it is written, so a snapshot page is
 * two `string_agg`s. Items written before this step have none and go out as compact rows until they change again.
 */
export const packedItems: ServerMigration = {
  version: 10,
  name: 'packed-items',
  up: (db) =>
    runScript(
      db,
      `
ALTER TABLE change_log ADD COLUMN packed_text text;
ALTER TABLE change_log ADD COLUMN packed_numbers text
`,
    ),
};
