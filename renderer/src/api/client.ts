import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { EventName, EventPayload } from '../../../shared/events';
import type { Result, RpcError } from '../../../shared/rpc';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { wsTransport } from './ws-transport';

export class CommandError extends Error {
  constructor(readonly error: RpcError) {
    super(error.message.code);
    this.name = 'CommandError';
  }
}

/** Commands that only read: they leave the station's state as it was (everything else is an action). */
const readCommands: ReadonlySet<string> = new Set<CommandName>([
  'station.info',
  'station.busy',
  'session.current',
  'journal.recent',
  'devices.list',
  'scale.current',
  'print.jobs',
  'print.preview',
  'packing.state',
  'packing.manifests',
  'packing.kpis',
  'packing.labelPicture',
  'receiving.purchaseOrders',
  'receiving.current',
  'receiving.lpn.suggest',
  'receiving.closePreview',
  'setup.state',
  'diagnostics.info',
  'sync.state',
  'sync.rejected',
  'workflow.select',
]);

export function isReadCommand(command: string): boolean {
  return readCommands.has(command);
}

/** The typed station client: command names, inputs and outputs come from the shared contract. */
export function createClient(transport: Transport) {
  const commandListeners = new Set<(command: CommandName) => void>();
  const invoke = (command: CommandName, input: unknown) => {
    for (const listener of commandListeners) listener(command);
    return transport.invoke(command, input);
  };
  return {
    async call<N extends CommandName>(command: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      const result = await invoke(command, input);
      if (!result.ok) throw new CommandError(result.error);
      return result.value as CommandOutput<N>;
    },
    async attempt<N extends CommandName>(command: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
      return (await invoke(command, input)) as Result<CommandOutput<N>>;
    },
    /** Every command this page sends, as it is sent. */
    onCommand(listener: (command: CommandName) => void): () => void {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
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
