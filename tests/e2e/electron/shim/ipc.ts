/**
 * `ipcMain` of the Electron shim and the main side of the page binding that stands in for
 * Electron's IPC pipe. Arguments arrive already structured-cloned by the page (see page-side.ts);
 * replies and `webContents.send` payloads are cloned here with v8.serialize, Node's structured
 * clone, so a handler that returns a function, a symbol or a class with a method in a property
 * fails exactly where Electron's "An object could not be cloned" would.
 */
import { deserialize, serialize } from 'node:v8';
import { encodeCloned, type Encoded } from '../support/clone-codec';
import { records } from './runtime';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();

/**
 * For the test: a watched channel records its last arguments; a stalled channel never answers and
 * never reaches its handler, as if the main process were busy. Used to hold a save back so text is
 * still unsaved when the renderer is crashed on purpose; the stalled calls die with their page.
 */
export const channelControls = { watched: new Set<string>(), stalled: new Set<string>() };

export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  handleOnce(channel: string, handler: Handler): void {
    ipcMain.handle(channel, (event, ...args) => {
      handlers.delete(channel);
      return handler(event, ...args);
    });
  },
  removeHandler(channel: string): void {
    handlers.delete(channel);
  },
  on(): never {
    throw new Error('electron shim: ipcMain.on (ipcRenderer.send) is not implemented; Plexus uses invoke');
  },
};

/** Node's structured clone; throws a DataCloneError-like Error for what IPC cannot carry. */
export function cloneForIpc(value: unknown, what: string): unknown {
  try {
    return deserialize(serialize(value));
  } catch (error) {
    records.cloneFailures.push(`${what}: ${(error as Error).message}`);
    throw new Error('An object could not be cloned.');
  }
}

export type Reply = { ok: true; value: Encoded } | { ok: false; message: string };

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `Error: ${String(error)}`;
}

export async function invokeHandler(channel: string, event: { senderFrame: { url: string } | null }, args: unknown[]): Promise<Reply> {
  const frameUrl = event.senderFrame?.url ?? 'gone';
  if (channelControls.watched.has(channel)) records.watched[channel] = args;
  if (channelControls.stalled.has(channel)) {
    records.stalled.push(channel);
    return new Promise<Reply>(() => undefined);
  }
  const handler = handlers.get(channel);
  if (!handler) {
    records.ipcCalls.push({ channel, frameUrl, ok: false, message: 'no handler' });
    return { ok: false, message: `Error: No handler registered for '${channel}'` };
  }
  let result: unknown;
  try {
    result = await handler(event, ...args);
  } catch (error) {
    records.ipcCalls.push({ channel, frameUrl, ok: false, message: describe(error) });
    return { ok: false, message: describe(error) };
  }
  try {
    const reply: Reply = { ok: true, value: encodeCloned(cloneForIpc(result, `reply of ${channel}`)) };
    records.ipcCalls.push({ channel, frameUrl, ok: true });
    return reply;
  } catch (error) {
    records.ipcCalls.push({ channel, frameUrl, ok: false, message: describe(error) });
    return { ok: false, message: describe(error) };
  }
}
