/**
 * A hand-written stand-in for the 'electron' module (no Electron binary can run in tests).
 * Use: `jest.mock('electron', () => require('./electron-mock').createElectronMock());`
 * then `import * as electron from 'electron'` and cast with `asMock(electron)`.
 * Only the surface the main process and preload use is modelled; everything records its calls.
 */
import { EventEmitter } from 'node:events';

export class MockFrame {
  parent: MockFrame | null = null;
  constructor(public url: string) {}
}

export class MockWebContents extends EventEmitter {
  mainFrame = new MockFrame('plexus://app/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  loadURL = jest.fn(async (_url: string) => undefined);
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class MockBrowserWindow extends EventEmitter {
  static instances: MockBrowserWindow[] = [];
  webContents = new MockWebContents();
  maximize = jest.fn();
  show = jest.fn();
  constructor(public options: Record<string, unknown>) {
    super();
    MockBrowserWindow.instances.push(this);
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 800, height: 600 };
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
}

export function createElectronMock() {
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const rendererListeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const exposed: Record<string, unknown> = {};
  const session = {
    setPermissionRequestHandler: jest.fn(),
    setPermissionCheckHandler: jest.fn(),
    webRequest: { onHeadersReceived: jest.fn() },
  };
  return {
    __esModule: true,
    ipcHandlers,
    rendererListeners,
    exposed,
    app: { isPackaged: false, getPath: jest.fn(() => '/nonexistent'), on: jest.fn(), quit: jest.fn() },
    BrowserWindow: MockBrowserWindow,
    session: { defaultSession: session },
    shell: { openExternal: jest.fn(async () => undefined) },
    dialog: { showMessageBoxSync: jest.fn(() => 0), showMessageBox: jest.fn(), showOpenDialog: jest.fn(), showErrorBox: jest.fn() },
    Menu: { buildFromTemplate: jest.fn((template: unknown) => ({ template })), setApplicationMenu: jest.fn() },
    protocol: { registerSchemesAsPrivileged: jest.fn(), handle: jest.fn() },
    ipcMain: {
      handle: jest.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      }),
      removeHandler: jest.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    ipcRenderer: {
      invoke: jest.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
      on: jest.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
        rendererListeners.get(channel)!.add(listener);
      }),
      removeListener: jest.fn((channel: string, listener: (...args: unknown[]) => void) => {
        rendererListeners.get(channel)?.delete(listener);
      }),
    },
    contextBridge: {
      exposeInMainWorld: jest.fn((key: string, value: unknown) => {
        exposed[key] = value;
      }),
    },
  };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;

export function asMock(electronModule: unknown): ElectronMock {
  return electronModule as ElectronMock;
}
