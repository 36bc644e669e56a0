import { z } from 'zod';
import { RejectedOp, SyncState } from '../domain/sync-state';
import { defineCommands } from './define';

const Empty = z.object({}).strict();

export const syncCommands = defineCommands({
  'sync.state': {
    summary: 'link to the central server: online, queue depth, last sync',
    access: 'public',
    input: Empty,
    output: SyncState,
  },
  'sync.now': { summary: 'push and pull now', access: 'signed-in', input: Empty, output: SyncState },
  'sync.rejected': { summary: 'operations the server refused', access: 'signed-in', input: Empty, output: z.array(RejectedOp) },
  'sync.resolve': {
    summary: 'a supervisor marks a refused operation as dealt with',
    access: ['supervisor', 'admin'],
    input: z.object({ opId: z.string().min(1).max(64), note: z.string().max(500).default('') }).strict(),
    output: z.object({ resolved: z.boolean() }),
  },
});
