/**
 * The renderer half of the Electron shim, bundled as an IIFE into each window's init script
 * around the real bundled preload (web-contents.ts). It answers the preload's `require('electron')`
 * with `contextBridge` and `ipcRenderer`:
 * - ipcRenderer.invoke structured-clones its arguments first (so a function, a DOM node or a
 *   symbol is refused as Electron refuses it), then calls the page binding;
 * - contextBridge.exposeInMainWorld puts a frozen copy on window: functions are proxied, and
 *   every value crossing the bridge either way is copied, so the page never holds the preload's
 *   own objects. Unlike Electron there is no separate JavaScript world (see docs/release.md).
 */
import { decodeCloned, encodeCloned, type Encoded } from '../support/clone-codec';

declare const __shimOptions: { binding: string; deliver: string; preloadErrorChannel: string; inSubFrames: boolean; contextIsolation: boolean };
declare const __shimPreload: (require: (name: string) => unknown, module: { exports: unknown }, exports: unknown, filename: string, dirname: string) => void;
declare const __shimPreloadName: string;

type Reply = { ok: true; value: Encoded } | { ok: false; message: string };
type Binding = (channel: string, args: Encoded) => Promise<Reply>;
type Listener = (event: unknown, ...args: unknown[]) => void;

const scope = window as unknown as Record<string, unknown>;

function binding(): Binding {
  const fn = scope[__shimOptions.binding];
  if (typeof fn !== 'function') throw new Error('electron shim: the IPC binding is missing in this frame');
  return fn as Binding;
}

function install(): void {
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      let cloned: unknown[];
      try {
        cloned = structuredClone(args);
      } catch {
        throw new Error('An object could not be cloned.');
      }
      const reply = await binding()(channel, encodeCloned(cloned));
      if (reply.ok) return decodeCloned(reply.value);
      throw new Error(`Error invoking remote method '${channel}': ${reply.message}`);
    },
    on(channel: string, listener: Listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    removeAllListeners(channel: string) {
      listeners.delete(channel);
      return ipcRenderer;
    },
    send(): never {
      throw new Error('electron shim: ipcRenderer.send is not implemented; Plexus uses invoke');
    },
  };

  Object.defineProperty(window, __shimOptions.deliver, {
    enumerable: false,
    value: (channel: string, payload: Encoded) => {
      const args = decodeCloned(payload) as unknown[];
      const event = { sender: ipcRenderer, senderId: 0, ports: [] };
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(event, ...args);
    },
  });

  /** Electron's bridge copy: functions proxied, promises re-wrapped, plain data copied and frozen. */
  function bridge(value: unknown, depth = 0): unknown {
    if (depth > 1000) throw new Error('Object is too deep');
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function') {
        const fn = value as (...a: unknown[]) => unknown;
        return (...args: unknown[]) => bridge(fn(...args.map((arg) => bridge(arg))));
      }
      // Electron: "Symbols cannot be copied across contexts so they are dropped".
      if (typeof value === 'symbol') return undefined;
      return value;
    }
    if (value instanceof Promise) return value.then((result) => bridge(result));
    // DOM nodes cross the bridge as themselves (Electron drops prototype changes only).
    if (value instanceof Node) return value;
    if (Array.isArray(value)) return Object.freeze(value.map((item) => bridge(item, depth + 1)));
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = bridge(item, depth + 1);
      return Object.freeze(copy);
    }
    return structuredClone(value);
  }

  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (!__shimOptions.contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (key in window) throw new Error(`Cannot bind an API on top of an existing property on the window object (${key})`);
      Object.defineProperty(window, key, { value: bridge(api), enumerable: true, writable: false, configurable: false });
    },
  };

  // A sandboxed preload gets a few modules only; Plexus's needs nothing but electron.
  const require = (name: string) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} as unknown };
  try {
    __shimPreload(require, module, module.exports, __shimPreloadName, '.');
  } catch (error) {
    // Electron logs "Unable to load preload script" and the page loads without the API.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`Unable to load preload script: ${__shimPreloadName}\n${message}`);
    void binding()(__shimOptions.preloadErrorChannel, encodeCloned([message]));
  }
}

if (window === window.top || __shimOptions.inSubFrames) install();
