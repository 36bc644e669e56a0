import type { ServerMigration } from './migration';

/** Schema step 6 belongs to another feature branch; on this branch it changes nothing. */
export const reserved: ServerMigration = { version: 6, name: 'reserved', up: async () => undefined };
