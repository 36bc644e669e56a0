import type { ChangeNotifier } from '../db/notifier';

/**
 * The change-log position of each site as this process last read it, kept while nothing has changed: a station
 * whose cursor is there is answered "nothing new" without a database round trip. Every change to a site's log
 * NOTIFYs in its transaction (see `writeChanges`), and the notification drops the site's position here in the
 * same turn as the live channel's `pull` goes out, so no pull that follows it is answered from memory. A pull answered just before the notification arrives is the same
 * answer the station would have had a moment earlier. While notifications cannot be heard, nothing is kept.
 */
export function createSitePositions(notifier: Pick<ChangeNotifier, 'subscribe' | 'hearing'>) {
  const positions = new Map<string, number>();
  const generations = new Map<string, number>();
  const watched = new Set<string>();
  const generationOf = (siteId: string) => generations.get(siteId) ?? 0;
  return {
    /** The site's position if known and unchanged since it was read. */
    get(siteId: string): number | undefined {
      return notifier.hearing() ? positions.get(siteId) : undefined;
    },
    /** To be read before the database is asked: a change heard in between keeps `remember` from storing a stale position. */
    generation: generationOf,
    remember(siteId: string, position: number, readInGeneration: number): void {
      if (!watched.has(siteId)) {
        watched.add(siteId);
        // Subscribed for the life of the process: a site's position is dropped on every change to it.
        notifier.subscribe(siteId, (changed) => {
          generations.set(changed, generationOf(changed) + 1);
          positions.delete(changed);
        });
      }
      if (readInGeneration !== generationOf(siteId) || !notifier.hearing()) return;
      positions.set(siteId, position);
    },
  };
}

export type SitePositions = ReturnType<typeof createSitePositions>;
