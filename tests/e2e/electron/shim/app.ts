/** `app`, `dialog`, `shell`, `screen` and `Menu` of the Electron shim. */
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { appEvents, electronEvent, records, scripted, state, unsupported } from './runtime';
import { requestLock } from './single-instance';

interface Closable {
  close(): void;
  isDestroyed(): boolean;
  once(event: 'closed' | 'shim-close-kept', listener: () => void): unknown;
}

export const openWindows = new Set<Closable>();
let quitting = false;
/** Before Chromium runs (a second instance quits at once): tell the test, then exit. */
let shutdown: (code: number) => Promise<void> = (code) =>
  new Promise(() => {
    if (process.send) process.send({ type: 'exit', code, records }, () => process.exit(code));
    else process.exit(code);
  });

export function setShutdown(fn: (code: number) => Promise<void>): void {
  shutdown = fn;
}

export function isQuitting(): boolean {
  return quitting;
}

const paths: Record<string, string> = {};

export function setAppPaths(userData: string, documents: string): void {
  paths.userData = userData;
  paths.documents = documents;
  paths.temp = path.join(userData, '..', 'temp');
  paths.home = path.join(userData, '..');
}

/** Electron's order: before-quit, every window closes (each may refuse), will-quit, quit. */
async function quit(): Promise<void> {
  if (quitting) return;
  quitting = true;
  const before = electronEvent();
  appEvents.emit('before-quit', before);
  if (before.defaultPrevented) {
    quitting = false;
    return;
  }
  for (const win of [...openWindows]) {
    if (win.isDestroyed()) continue;
    // A window may refuse (unsaved text, the user chose to keep editing): then there is no quit.
    const outcome = new Promise<'closed' | 'kept'>((resolve) => {
      win.once('closed', () => resolve('closed'));
      win.once('shim-close-kept', () => resolve('kept'));
    });
    win.close();
    if ((await outcome) === 'kept') {
      quitting = false;
      return;
    }
  }
  const will = electronEvent();
  appEvents.emit('will-quit', will);
  if (will.defaultPrevented) {
    quitting = false;
    return;
  }
  appEvents.emit('quit', electronEvent(), 0);
  records.quit = true;
  await shutdown(0);
}

export const app = {
  isPackaged: false,
  name: 'Plexus',
  getName: () => 'Plexus',
  getVersion: () => '0.0.0-shim',
  getPath(name: string): string {
    const value = paths[name];
    if (!value) throw new Error(`Failed to get '${name}' path`);
    return value;
  },
  setPath(name: string, value: string) {
    paths[name] = value;
  },
  isReady: () => state.ready,
  whenReady(): Promise<void> {
    if (state.ready) return Promise.resolve();
    return new Promise((resolve) => appEvents.once('ready', () => resolve()));
  },
  /** Per userData folder, as Electron's: see single-instance.ts. */
  requestSingleInstanceLock(additionalData?: unknown): boolean {
    const granted = requestLock(app.getPath('userData'), additionalData);
    records.singleInstanceLock = granted;
    return granted;
  },
  setAsDefaultProtocolClient(protocol: string, executable?: string, args?: string[]): boolean {
    records.protocolClients.push({ protocol, path: executable, args });
    return true;
  },
  isDefaultProtocolClient(protocol: string): boolean {
    return records.protocolClients.some((client) => client.protocol === protocol);
  },
  quit(): void {
    quit().catch((error: unknown) => {
      console.error('electron shim: quit failed', error);
      void shutdown(1);
    });
  },
  exit(code = 0): void {
    records.quit = true;
    void shutdown(code);
  },
  on(event: string, listener: (...args: unknown[]) => void) {
    appEvents.on(event, listener);
    return app;
  },
  once(event: string, listener: (...args: unknown[]) => void) {
    appEvents.once(event, listener);
    return app;
  },
  removeListener(event: string, listener: (...args: unknown[]) => void) {
    appEvents.removeListener(event, listener);
    return app;
  },
};

type Win = unknown;
const hasWindow = (args: unknown[]) =>
  args.length > 1 || (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && 'webContents' in (args[0] as object));

function dialogOptions<T>(args: unknown[]): T {
  return (hasWindow(args) ? args[1] : args[0]) as T;
}

interface MessageBoxOptions {
  message: string;
  buttons?: string[];
  cancelId?: number;
  defaultId?: number;
}

function answerMessageBox(kind: string, options: MessageBoxOptions): number {
  const answer = scripted.messageBox.shift();
  // An unscripted dialog would wait for a person; the test sees it in records.dialogs.
  const response = answer ?? options.cancelId ?? options.defaultId ?? 0;
  records.dialogs.push({ kind, options, answer: response, scripted: answer !== undefined });
  return response;
}

export const dialog = {
  async showOpenDialog(...args: [Win, unknown] | [unknown]) {
    const options = dialogOptions<unknown>(args);
    const answer = scripted.openDialog.shift();
    const result = answer ?? { canceled: true, filePaths: [] };
    records.dialogs.push({ kind: 'open', options, answer: result, scripted: answer !== undefined });
    return result;
  },
  async showMessageBox(...args: [Win, MessageBoxOptions] | [MessageBoxOptions]) {
    return { response: answerMessageBox('message', dialogOptions<MessageBoxOptions>(args)), checkboxChecked: false };
  },
  showMessageBoxSync(...args: [Win, MessageBoxOptions] | [MessageBoxOptions]): number {
    return answerMessageBox('message-sync', dialogOptions<MessageBoxOptions>(args));
  },
  showErrorBox(title: string, content: string): void {
    records.errorBoxes.push({ title, content });
  },
  showSaveDialog(): never {
    throw unsupported('dialog.showSaveDialog');
  },
};

let trashed = 0;
export const shell = {
  async openExternal(url: string): Promise<void> {
    if (typeof url !== 'string') throw new TypeError('shell.openExternal: url must be a string');
    records.openExternal.push(url);
  },
  /** Moves the file out of the vault into the shim's trash folder, as the OS trash would. */
  async trashItem(fullPath: string): Promise<void> {
    records.trashItem.push(fullPath);
    const trash = path.join(app.getPath('userData'), '..', 'trash');
    mkdirSync(trash, { recursive: true });
    renameSync(fullPath, path.join(trash, `${++trashed}-${path.basename(fullPath)}`));
  },
  openPath(): never {
    throw unsupported('shell.openPath');
  },
};

export const WORK_AREA = { x: 0, y: 0, width: 1920, height: 1040 };
const DISPLAY = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: WORK_AREA, scaleFactor: 1 };
export const screen = {
  getAllDisplays: () => [DISPLAY],
  getPrimaryDisplay: () => DISPLAY,
};

export interface MenuItemOptions {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItemOptions[] | Menu;
  click?: (item: unknown, win: unknown, event: unknown) => void;
}

export class Menu {
  static current: Menu | null = null;
  constructor(readonly items: MenuItemOptions[]) {}

  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    const check = (items: MenuItemOptions[], where: string) => {
      for (const item of items) {
        if (item.type !== 'separator' && !item.label && !item.role)
          throw new Error(`Invalid template for MenuItem: must have at least one of label, role or type (${where})`);
        const sub = item.submenu;
        if (Array.isArray(sub)) check(sub, `${where} > ${item.label ?? item.role}`);
      }
    };
    check(template, 'menu');
    return new Menu(template);
  }

  static setApplicationMenu(menu: Menu | null): void {
    Menu.current = menu;
  }

  static getApplicationMenu(): Menu | null {
    return Menu.current;
  }
}

function submenuOf(item: MenuItemOptions): MenuItemOptions[] {
  const sub = item.submenu;
  return Array.isArray(sub) ? sub : sub instanceof Menu ? sub.items : [];
}

/** The application menu as plain data, for the test. */
export function describeMenu(items: MenuItemOptions[] = Menu.current?.items ?? []): unknown[] {
  return items.map((item) => ({
    label: item.label,
    role: item.role,
    type: item.type,
    accelerator: item.accelerator,
    enabled: item.enabled !== false,
    submenu: item.submenu ? describeMenu(submenuOf(item)) : undefined,
  }));
}

/** Clicks File > Open Vault… as a person would: by the visible labels. */
export function clickMenu(labels: string[], focusedWindow: unknown): void {
  let items = Menu.current?.items ?? [];
  let found: MenuItemOptions | undefined;
  for (const label of labels) {
    found = items.find((item) => (item.label ?? item.role) === label);
    if (!found) throw new Error(`no menu item ${JSON.stringify(label)} in ${JSON.stringify(labels)}`);
    items = submenuOf(found);
  }
  if (!found?.click) throw new Error(`menu item ${labels.join(' > ')} has no click handler`);
  if (found.enabled === false) throw new Error(`menu item ${labels.join(' > ')} is disabled`);
  found.click(found, focusedWindow, {});
}
