import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { EventName, EventPayload } from '../../../shared/events';
import type { Result, RpcError } from '../../../shared/rpc';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { wsTransport } from './ws-transport';

export class CommandError extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
    this.name = 'CommandError';
  }
}

/** The typed station client: command names, inputs and outputs come from the shared contract. */
export function createClient(transport: Transport) {
  return {
    async call<N extends CommandName>(command: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      const result = await transport.invoke(command, input);
      if (!result.ok) throw new CommandError(result.error);
      return result.value as CommandOutput<N>;
    },
    async attempt<N extends CommandName>(command: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
      return (await transport.invoke(command, input)) as Result<CommandOutput<N>>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as EventPayload<E>);
      });
    },
    onConnection: (listener: (connected: boolean) => void) => transport.onConnection(listener),
  };
}

export type StationClient = ReturnType<typeof createClient>;

/** Electron gives `window.station`; the browser shell talks to the host that served the page. */
export function defaultTransport(): Transport {
  if (window.station) return ipcTransport(window.station);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return wsTransport(`${scheme}://${location.host}/ws`);
}
