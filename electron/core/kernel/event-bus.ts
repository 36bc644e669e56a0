import { type EventName, type EventPayload, events } from '../../../shared/events';
import { type ConnectionId, currentConnection } from './connection-scope';

/** `from`: the connection whose call (or routed scan) emitted the event; null when no connection caused it. */
export type EventListener = (event: EventName, payload: unknown, from: ConnectionId | null) => void;

/** Typed, validated push events from the core; the station delivers each to its audience (shared/events.ts). */
export function createEventBus(onInvalid: (event: string, error: unknown) => void) {
  const listeners = new Set<EventListener>();
  return {
    emit<N extends EventName>(event: N, payload: EventPayload<N>): void {
      const checked = events[event].safeParse(payload);
      if (!checked.success) {
        onInvalid(event, checked.error);
        return;
      }
      const from = currentConnection();
      for (const l of listeners) {
        try {
          l(event, checked.data, from);
        } catch (error) {
          onInvalid(event, error);
        }
      }
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
