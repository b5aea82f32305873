/**
 * The test's handle on the shim, over the fork IPC channel: read what the app did, script the
 * answers of the next dialogs, click a menu item, ask the session's permission handlers, quit.
 */
import { app, clickMenu, describeMenu } from './app';
import { channelControls } from './ipc';
import { appEvents, electronEvent, records, scripted } from './runtime';
import { permissionHandlers, probe } from './session';
import { BrowserWindow } from './browser-window';

type Ops = Record<string, (args: never) => unknown>;

const ops: Ops = {
  records: () => records,
  windows: () => BrowserWindow.getAllWindows().map((win) => win.describe()),
  menu: () => describeMenu(),
  clickMenu: (labels: string[]) => clickMenu(labels, BrowserWindow.getAllWindows()[0] ?? null),
  queueOpenDialog: (answer: { canceled: boolean; filePaths: string[] }) => void scripted.openDialog.push(answer),
  queueMessageBox: (response: number) => void scripted.messageBox.push(response),
  /** What the session answers for a permission request and a permission check. */
  permission: async (permission: string) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents ?? null;
    const request = permissionHandlers.request;
    const check = permissionHandlers.check;
    const granted = request ? await new Promise<boolean>((resolve) => request(contents, permission, resolve, { requestingUrl: contents?.getURL() })) : null;
    const checked = check ? check(contents, permission, contents?.getURL() ?? '', {}) : null;
    return { requestHandler: request !== null, checkHandler: check !== null, granted, checked };
  },
  /** Requests an app-scheme URL in a page of its own (outside the app page's policy). */
  probe: (url: string) => probe(url),
  /** macOS: the OS hands the running app a plexus: link. */
  openUrl: (url: string) => void appEvents.emit('open-url', electronEvent(), url),
  /** What a person does to the window: move/resize it, maximize or minimize it. */
  windowAction: (action: { setBounds?: { x: number; y: number; width: number; height: number }; maximize?: boolean; minimize?: boolean }) => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) throw new Error('no window');
    if (action.setBounds) win.setBounds(action.setBounds);
    if (action.maximize) win.maximize();
    if (action.minimize) win.minimize();
  },
  watchChannel: (channel: string) => void channelControls.watched.add(channel),
  stallChannel: ({ channel, stalled }: { channel: string; stalled: boolean }) =>
    void (stalled ? channelControls.stalled.add(channel) : channelControls.stalled.delete(channel)),
  /** Kills the window's renderer (Electron's webContents.forcefullyCrashRenderer). */
  crash: () => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    if (!contents) throw new Error('no window');
    contents.forcefullyCrashRenderer();
  },
  quit: () => app.quit(),
};

export function startControl(): void {
  process.on('message', (message: { id: number; op: string; args: never }) => {
    const op = ops[message.op];
    Promise.resolve()
      .then(() => {
        if (!op) throw new Error(`unknown control op ${message.op}`);
        return op(message.args);
      })
      .then(
        (result) => process.send?.({ type: 'reply', id: message.id, ok: true, result: JSON.parse(JSON.stringify(result ?? null)) }),
        (error: unknown) => process.send?.({ type: 'reply', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
  });
}
