import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { z } from 'zod';
import { message } from '../../shared/messages';
import type { Result } from '../../shared/rpc';

const Invoke = z.tuple([z.string().min(1).max(100), z.unknown()]);

/**
 * The renderer's single way in: `station:invoke`, answered only for the station window's top frame showing the
 * app's own content. Everything else gets `forbidden` and never reaches the core.
 */
export function relayStationCalls(options: {
  window(): BrowserWindow | null;
  isOwnContent(url: string): boolean;
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
}): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const window = options.window();
    const frame = event.senderFrame;
    return Boolean(
      window &&
        !window.isDestroyed() &&
        event.sender === window.webContents &&
        frame &&
        frame.parent === null &&
        options.isOwnContent(frame.url),
    );
  };
  ipcMain.handle('station:invoke', async (event, ...args: unknown[]): Promise<Result<unknown>> => {
    if (!trusted(event)) return { ok: false, error: { code: 'forbidden', message: message('errors.forbiddenCaller') } };
    const parsed = Invoke.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: 'bad_message', message: message('errors.badMessage') } };
    return options.invoke(parsed.data[0], parsed.data[1]);
  });
}

/** Pushes a core event to the station window, if it is there. */
export function sendStationEvent(window: BrowserWindow | null, event: string, payload: unknown): void {
  if (window && !window.isDestroyed()) window.webContents.send('station:event', event, payload);
}
