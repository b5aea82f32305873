/**
 * Main-process side of the contract: one `ipcMain.handle('plexus:<name>')` per API method, and
 * `webContents.send('plexus:event', event)` for vault events. Every call is checked to come from
 * the main window's top frame showing the app origin, so an injected frame cannot reach the vault.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents, type WebFrameMain } from 'electron';
import type { ApiHandlers, ApiMethodName, VaultEvent } from '../contract/api-contract';
import { API_METHOD_NAMES, RESULT_METHODS } from '../contract/api-methods';
import { APP_ORIGIN } from './app-urls';
import { EVENT_CHANNEL, METHOD_CHANNEL_PREFIX } from './ipc-channels';

export { EVENT_CHANNEL, METHOD_CHANNEL_PREFIX };

export function methodChannel(name: ApiMethodName): string {
  return METHOD_CHANNEL_PREFIX + name;
}

/** True for the top frame of `contents` when it shows plexus://app/. */
export function isTrustedFrame(frame: WebFrameMain | null, contents: WebContents | null): boolean {
  if (frame === null || contents === null) return false;
  if (frame !== contents.mainFrame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return `${url.protocol}//${url.host}` === APP_ORIGIN;
}

export interface IpcOptions {
  /** The current vault's handlers; null while no vault is open. */
  getHandlers: () => ApiHandlers | null;
  /** The main window's contents (null when closed). */
  getMainContents: () => WebContents | null;
  log: (message: string, error?: unknown) => void;
}

export class UntrustedSenderError extends Error {}

async function dispatch(options: IpcOptions, name: ApiMethodName, event: IpcMainInvokeEvent, args: unknown[]): Promise<unknown> {
  const contents = options.getMainContents();
  if (event.sender !== contents || !isTrustedFrame(event.senderFrame, contents)) {
    // Not a Result: a foreign frame gets an exception, never data.
    options.log(`plexus: refused ${name} from an untrusted frame (${event.senderFrame?.url ?? 'gone'})`);
    throw new UntrustedSenderError(`${name}: sender is not the Plexus window`);
  }
  const handlers = options.getHandlers();
  if (handlers === null) {
    if (RESULT_METHODS.has(name)) return { ok: false, error: { code: 'no-vault', message: 'No vault is open' } };
    throw new Error(`${name}: no vault is open`);
  }
  const handler = handlers[name] as (...a: unknown[]) => Promise<unknown>;
  try {
    return await handler.apply(handlers, args);
  } catch (error) {
    options.log(`plexus: API method ${name} threw`, error);
    if (!RESULT_METHODS.has(name)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'io-error', message } };
  }
}

/** Registers every handler; returns a function that removes them again. */
export function registerIpc(options: IpcOptions): () => void {
  for (const name of API_METHOD_NAMES) {
    ipcMain.handle(methodChannel(name), (event, ...args: unknown[]) => dispatch(options, name, event, args));
  }
  return () => {
    for (const name of API_METHOD_NAMES) ipcMain.removeHandler(methodChannel(name));
  };
}

/** Pushes every event to the window while it lives; returns the unsubscribe. */
export function forwardEvents(contents: WebContents, subscribe: (listener: (event: VaultEvent) => void) => () => void): () => void {
  return subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
