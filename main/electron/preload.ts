/**
 * The renderer's only door to the main process. Runs sandboxed, so it is bundled into one file
 * (esbuild, cjs, electron external) and may use only contextBridge and ipcRenderer. The exposed
 * object is built from API_METHOD_NAMES, so it always matches the contract and never re-declares it.
 * The channel names are repeated only in ipc.ts; a test checks the two agree.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHOD_NAMES, type PlexusApi, type VaultEvent } from '../contract/api-contract';

const METHOD_CHANNEL_PREFIX = 'plexus:';
const EVENT_CHANNEL = 'plexus:event';

function buildApi(): PlexusApi {
  const api: Record<string, unknown> = {};
  for (const name of API_METHOD_NAMES) {
    api[name] = (...args: unknown[]) => ipcRenderer.invoke(METHOD_CHANNEL_PREFIX + name, ...args);
  }
  api.onEvent = (listener: (event: VaultEvent) => void) => {
    // The IpcRendererEvent (with its sender) never reaches the page; only the payload does.
    const wrapped = (_event: IpcRendererEvent, payload: VaultEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  };
  return api as PlexusApi;
}

contextBridge.exposeInMainWorld('plexus', buildApi());
