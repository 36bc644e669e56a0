import type { StationBridge, Transport } from './transport';

export function ipcTransport(bridge: StationBridge): Transport {
  return {
    invoke: (command, input) => bridge.invoke(command, input),
    subscribe: (listener) => bridge.subscribe(listener),
    onConnection: (listener) => {
      listener(true);
      return () => undefined;
    },
  };
}
