import type { Result } from '../../../shared/rpc';

/** How the renderer reaches the station core: Electron IPC through the preload, or a loopback WebSocket. */
export interface Transport {
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  /** Connection to the core itself (not the central server). */
  onConnection(listener: (connected: boolean) => void): () => void;
}

/** What the Electron preload exposes as `window.station`. */
export interface StationBridge {
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    station?: StationBridge;
  }
}
