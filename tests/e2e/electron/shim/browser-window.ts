/**
 * `BrowserWindow` of the Electron shim. A window is a Chromium page of the shared context (its
 * WebContents, web-contents.ts); its webPreferences are recorded for the test and honoured where
 * the shim can (options the shim cannot give, like Node in the page, fail loudly instead of being
 * ignored), and its show/maximize/bounds state is kept as Electron reports it.
 */
import { EventEmitter } from 'node:events';
import { isQuitting, openWindows, WORK_AREA } from './app';
import { appEvents, electronEvent, records, unsupported } from './runtime';
import { WebContents, type Prefs } from './web-contents';

export class BrowserWindow extends EventEmitter {
  static readonly all = new Set<BrowserWindow>();
  readonly webContents: WebContents;
  private destroyed = false;
  private visible = false;
  private maximized = false;
  private minimized = false;
  private shownOnce = false;
  private focusCount = 0;
  private title: string;
  /** The window's bounds when neither maximized nor minimized (getNormalBounds). */
  private bounds: { x: number; y: number; width: number; height: number };

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.all];
  }

  static pageSide = '';

  constructor(options: Record<string, unknown> & { webPreferences?: Prefs } = {}) {
    super();
    records.windows.push({ options: JSON.parse(JSON.stringify(options)) });
    const prefs = options.webPreferences ?? {};
    if (prefs.nodeIntegration === true) throw unsupported('nodeIntegration: true (Node in the page)');
    if (prefs.preload && prefs.sandbox === false) throw unsupported('an unsandboxed preload (full Node in the preload)');
    this.title = String(options.title ?? 'Electron');
    this.bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width: Number(options.width ?? 800), height: Number(options.height ?? 600) };
    this.webContents = new WebContents(this, prefs, BrowserWindow.pageSide, { width: this.bounds.width, height: this.bounds.height });
    BrowserWindow.all.add(this);
    openWindows.add(this);
    appEvents.emit('browser-window-created', electronEvent(), this);
    appEvents.emit('web-contents-created', electronEvent(), this.webContents);
    if (options.show !== false) this.becomeVisible('constructor');
  }

  private becomeVisible(how: string): void {
    if (this.visible) return;
    this.visible = true;
    records.windowShows.push({ how, loaded: this.shownOnce });
  }

  onLoaded(): void {
    if (this.shownOnce) return;
    this.shownOnce = true;
    this.emit('ready-to-show');
  }

  onPageClosed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    BrowserWindow.all.delete(this);
    openWindows.delete(this);
    this.emit('closed');
    if (openWindows.size === 0 && !isQuitting()) appEvents.emit('window-all-closed', electronEvent());
  }

  close(): void {
    if (this.destroyed) return;
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) {
      this.emit('shim-close-kept');
      return;
    }
    void this.webContents.closePage();
  }

  loadURL = (url: string) => this.webContents.loadURL(url);
  isDestroyed = () => this.destroyed;
  show = () => this.becomeVisible('show');
  hide = () => void (this.visible = false);
  isVisible = () => this.visible;
  focus = () => {
    this.focusCount++;
    records.focus++;
  };
  isFocused = () => this.visible && this.focusCount > 0;
  minimize = () => void (this.minimized = true);
  isMinimized = () => this.minimized;
  restore = () => void (this.minimized = false);
  /** Electron: "This will also show (but not focus) the window if it isn't being displayed already." */
  maximize = () => {
    this.maximized = true;
    this.becomeVisible('maximize');
  };
  unmaximize = () => void (this.maximized = false);
  isMaximized = () => this.maximized;
  getTitle = () => this.title;
  setTitle = (title: string) => {
    this.title = title;
    records.titles.push(title);
  };
  setProgressBar = (progress: number) => void records.progress.push(progress);
  /** Maximized, the window fills the display's work area; its normal bounds are kept for restore. */
  getBounds = () => (this.maximized ? { ...WORK_AREA } : { ...this.bounds });
  getNormalBounds = () => ({ ...this.bounds });
  setBounds = (bounds: Partial<BrowserWindow['bounds']>) => {
    this.maximized = false;
    this.bounds = { ...this.bounds, ...bounds };
  };
  /** For the test: what a person would see of this window. */
  describe() {
    return {
      title: this.title,
      visible: this.visible,
      maximized: this.maximized,
      minimized: this.minimized,
      focusCount: this.focusCount,
      bounds: this.getBounds(),
      normalBounds: this.getNormalBounds(),
      url: this.webContents.getURL(),
    };
  }
}
