import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { EventName, EventPayload } from '../../../shared/events';
import { useMessage } from '../i18n/messages';
import type { StationClient } from './client';

const ClientContext = createContext<StationClient | null>(null);

export function StationProvider({ client, children }: { client: StationClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): StationClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside StationProvider');
  return client;
}

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const client = useClient();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => client.on(event, (p) => ref.current(p)), [client, event]);
}

/** Calls a command on mount and whenever one of `refreshOn` events arrives; `reload` calls it again. `error` is translated. */
export function useCommand<N extends CommandName>(command: N, input: CommandInput<N>, refreshOn: EventName[] = []) {
  const client = useClient();
  const say = useMessage();
  const [value, setValue] = useState<CommandOutput<N> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    const result = await client.attempt(command, JSON.parse(key) as CommandInput<N>);
    if (result.ok) {
      setValue(result.value);
      setError(null);
    } else setError(say(result.error.message));
  }, [client, command, key, say]);
  // Callers pass a fresh array literal each render: the events' names, not the array, decide when to resubscribe.
  const refreshKey = refreshOn.join(',');
  useEffect(() => {
    void reload();
    const events = refreshKey === '' ? [] : (refreshKey.split(',') as EventName[]);
    const offs = events.map((e) => client.on(e, () => void reload()));
    return () => {
      for (const off of offs) off();
    };
  }, [reload, client, refreshKey]);
  return { value, error, reload };
}
