/**
 * The renderer's only door to the main process. Runs sandboxed, so it is bundled into one file
 * (esbuild, cjs, electron external) and may use only contextBridge and ipcRenderer. The exposed
 * object is built from API_METHOD_NAMES and typed by PlexusApi, so it always matches the contract
 * and never re-declares it; `window.plexusDrafts` is typed by the contract's DraftsBridge. The
 * channel names come from ipc-channels.ts, as for ipc.ts and drafts.ts.
 *
 * Beside the contract, `window.plexusDrafts` lets the renderer mirror its unsaved text to the main
 * process and take it back after a crash (drafts.ts); browser mode has no such object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PlexusApi, VaultEvent } from '../contract/api-contract';
import { API_METHOD_NAMES } from '../contract/api-methods';
import type { DraftsBridge } from '../contract/drafts-bridge';
import { DRAFTS_REPORT_CHANNEL, DRAFTS_TAKE_CHANNEL, EVENT_CHANNEL, METHOD_CHANNEL_PREFIX } from './ipc-channels';

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

const drafts: DraftsBridge = {
  report: (list) => ipcRenderer.invoke(DRAFTS_REPORT_CHANNEL, list),
  take: () => ipcRenderer.invoke(DRAFTS_TAKE_CHANNEL),
};

contextBridge.exposeInMainWorld('plexus', buildApi());
contextBridge.exposeInMainWorld('plexusDrafts', drafts);
