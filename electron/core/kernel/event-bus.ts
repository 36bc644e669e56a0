import { type EventName, type EventPayload, events } from '../../../shared/events';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Typed, validated push events from the core to every connected renderer. */
export function createEventBus(onInvalid: (event: string, error: unknown) => void) {
  const listeners = new Set<EventListener>();
  return {
    emit<N extends EventName>(event: N, payload: EventPayload<N>): void {
      const checked = events[event].safeParse(payload);
      if (!checked.success) {
        onInvalid(event, checked.error);
        return;
      }
      for (const l of listeners) {
        try {
          l(event, checked.data);
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
