import type { StationContext } from '../context';
import type { HandlersFor } from '../kernel/handlers';

type SyncCommands = 'sync.state' | 'sync.now' | 'sync.rejected' | 'sync.resolve';

export function syncHandlers(ctx: StationContext): HandlersFor<SyncCommands> {
  return {
    'sync.state': () => ctx.sync.state(),
    'sync.now': () => ctx.sync.syncNow(),
    'sync.rejected': () => ctx.sync.rejected(),
    'sync.resolve': ({ opId, note }, { operator }) => {
      const resolved = ctx.sync.resolve(opId, note, operator?.id ?? 'unknown');
      if (resolved && operator) ctx.journal.append('sync.resolve', { opId, note }, operator.id, ctx.clock.now().toISOString());
      return { resolved };
    },
  };
}
