/** Listener of one event: receives that event's payload. */
export type Listener<T> = (payload: T) => void;

/** A small typed event emitter: `Events` maps event names to payload types. */
export interface Emitter<Events> {
  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void;
  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
  listenerCount<K extends keyof Events>(event: K): number;
  removeAll(): void;
}

export interface EmitterOptions {
  /**
   * Called when a listener throws. Every listener still runs; without this option the first
   * error is rethrown after all listeners ran, as Node's EventEmitter would.
   */
  onListenerError?: (error: unknown, event: PropertyKey) => void;
}

export function createEmitter<Events>(options: EmitterOptions = {}): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();

  const setFor = <K extends keyof Events>(event: K): Set<Listener<Events[K]>> => {
    let set = listeners.get(event) as Set<Listener<Events[K]>> | undefined;
    if (!set) {
      set = new Set();
      listeners.set(event, set as Set<Listener<never>>);
    }
    return set;
  };

  const emitter: Emitter<Events> = {
    on(event, listener) {
      setFor(event).add(listener);
      return () => emitter.off(event, listener);
    },
    off(event, listener) {
      (listeners.get(event) as Set<typeof listener> | undefined)?.delete(listener);
    },
    emit(event, payload) {
      const set = listeners.get(event) as Set<Listener<typeof payload>> | undefined;
      if (!set || set.size === 0) return;
      let firstError: { error: unknown } | undefined;
      for (const listener of [...set]) {
        try {
          listener(payload);
        } catch (error) {
          if (options.onListenerError) options.onListenerError(error, event);
          else firstError ??= { error };
        }
      }
      if (firstError) throw firstError.error;
    },
    listenerCount(event) {
      return listeners.get(event)?.size ?? 0;
    },
    removeAll() {
      listeners.clear();
    },
  };
  return emitter;
}
