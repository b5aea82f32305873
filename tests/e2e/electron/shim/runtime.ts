/**
 * Shared state of the Electron shim: the Chromium context standing in for the default session,
 * what the app did (recorded for the test to assert), the scripted answers for dialogs, and the
 * URL mapping between Electron's custom schemes and the https origins Chromium can route.
 *
 * Chromium will not navigate to an unknown scheme, so a privileged scheme `plexus://HOST/PATH`
 * is shown to Chromium as `https://HOST.plexus.localhost/PATH` and mapped back everywhere the
 * app can see a URL (request.url, frame.url, will-navigate, did-navigate-in-page).
 */
import { EventEmitter } from 'node:events';
import type { BrowserContext, Page } from 'playwright-core';

export interface ElectronEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
  [key: string]: unknown;
}

export function electronEvent(fields: Record<string, unknown> = {}): ElectronEvent {
  let prevented = false;
  return {
    ...fields,
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export interface ResponseRecord {
  url: string;
  status: number;
  headers: Record<string, string>;
}

export const records = {
  privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  windows: [] as { options: unknown }[],
  openExternal: [] as string[],
  trashItem: [] as string[],
  dialogs: [] as { kind: string; options: unknown; answer: unknown; scripted: boolean }[],
  errorBoxes: [] as { title: string; content: string }[],
  responses: [] as ResponseRecord[],
  /** Requests for anything but an app scheme: Electron would hit the network, the shim refuses. */
  offlineRequests: [] as string[],
  refusedNavigations: [] as string[],
  windowOpens: [] as { url: string; action: string }[],
  ipcCalls: [] as { channel: string; frameUrl: string; ok: boolean; message?: string }[],
  cloneFailures: [] as string[],
  preloadErrors: [] as string[],
  console: [] as { type: string; text: string }[],
  pageErrors: [] as string[],
  /** Renderer crashes Chromium reported, of the app's windows and of popups alike, so a failing test says which page went. */
  crashes: [] as { url: string; popup: boolean }[],
  progress: [] as number[],
  titles: [] as string[],
  singleInstanceLock: null as boolean | null,
  /** The argv this instance handed to the running one (when its lock was refused). */
  handedOver: null as string[] | null,
  /** 'second-instance' events this instance emitted, with the argv it was given. */
  secondInstances: [] as string[][],
  protocolClients: [] as { protocol: string; path?: string; args?: string[] }[],
  /** Each time a window became visible: how, and whether its page had loaded (ready-to-show). */
  windowShows: [] as { how: string; loaded: boolean }[],
  focus: 0,
  /** The last arguments of calls on watched IPC channels (control op watchChannel). */
  watched: {} as Record<string, unknown[]>,
  /** Calls on stalled channels, never answered (control op stallChannel). */
  stalled: [] as string[],
  quit: false,
  /** Anything the app asked of Electron that the shim does not implement. */
  unsupported: [] as string[],
};

export const scripted = {
  openDialog: [] as { canceled: boolean; filePaths: string[] }[],
  messageBox: [] as number[],
};

export const appEvents = new EventEmitter();

export const state = {
  ready: false,
  context: null as BrowserContext | null,
  /** Schemes registered with registerSchemesAsPrivileged (standard ones get an origin). */
  standardSchemes: new Set<string>(),
};

export function requireContext(): BrowserContext {
  if (!state.context) throw new Error('electron shim: used before app ready');
  return state.context;
}

const MAPPED_SUFFIX = (scheme: string) => `.${scheme}.localhost`;

/** plexus://app/x -> https://app.plexus.localhost/x; other URLs unchanged. */
export function toChromiumUrl(url: string): string {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (!state.standardSchemes.has(scheme)) return url;
  return `https://${parsed.host}${MAPPED_SUFFIX(scheme)}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The inverse of toChromiumUrl: what Electron would report for a URL Chromium shows. */
export function fromChromiumUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:') return url;
  for (const scheme of state.standardSchemes) {
    const suffix = MAPPED_SUFFIX(scheme);
    if (parsed.hostname.endsWith(suffix)) {
      const host = parsed.hostname.slice(0, -suffix.length);
      return `${scheme}://${host}${parsed.pathname}${parsed.search}${parsed.hash}`;
    }
  }
  return url;
}

export function unsupported(what: string): Error {
  records.unsupported.push(what);
  return new Error(`electron shim: ${what} is not implemented`);
}

/** Pages the test opens to request an app URL directly, as typing it into a window would. */
const probePages = new WeakSet<Page>();

export function markProbePage(page: Page): void {
  probePages.add(page);
}

export function isProbePage(page: Page): boolean {
  return probePages.has(page);
}
