import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';

// The renderer gets exactly two functions; no Node, no ipcRenderer, no channels of its choosing.
contextBridge.exposeInMainWorld('station', {
  invoke: (command: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('station:invoke', command, input),
  subscribe: (listener: (event: string, payload: unknown) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on('station:event', handler);
    return () => {
      ipcRenderer.removeListener('station:event', handler);
    };
  },
});
