import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { EventName, EventPayload } from '../../../shared/events';
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

/** Calls a command on mount and whenever one of `refreshOn` events arrives; `reload` calls it again. */
export function useCommand<N extends CommandName>(command: N, input: CommandInput<N>, refreshOn: EventName[] = []) {
  const client = useClient();
  const [value, setValue] = useState<CommandOutput<N> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    const result = await client.attempt(command, JSON.parse(key) as CommandInput<N>);
    if (result.ok) {
      setValue(result.value);
      setError(null);
    } else setError(result.error.message);
  }, [client, command, key]);
  useEffect(() => {
    void reload();
    const offs = refreshOn.map((e) => client.on(e, () => void reload()));
    return () => offs.forEach((off) => off());
    // refreshOn is a list of literals at every call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload, client, refreshOn.join(',')]);
  return { value, error, reload };
}
