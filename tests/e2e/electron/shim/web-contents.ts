/**
 * `webContents` and `WebFrameMain` of the Electron shim: a window's Chromium page of the shared
 * context, its preload (top frame only, as with nodeIntegrationInSubFrames off), its frames,
 * navigations and window.open requests, and the registry of which page is whose.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { decodeCloned, encodeCloned, type Encoded } from '../support/clone-codec';
import { cloneForIpc, invokeHandler, type Reply } from './ipc';
import { session } from './default-session';
import { electronEvent, fromChromiumUrl, isProbePage, records, requireContext, toChromiumUrl, unsupported } from './runtime';

export const BINDING = '__plexusShimIpc';
export const DELIVER = '__plexusShimDeliver';
export const PRELOAD_ERROR_CHANNEL = '__shim:preload-error';

/** What a page reports to its window (BrowserWindow in browser-window.ts). */
export interface WindowOwner {
  emit(event: string, ...args: unknown[]): boolean;
  onLoaded(): void;
  onPageClosed(): void;
}

const byPage = new Map<Page, WebContents>();
let spareTaken = false;
const creating = new Set<Promise<unknown>>();
let nextId = 1;

/** A page the shim itself is opening: the context's 'page' event must not take it for a popup. */
export function trackCreation<T>(promise: Promise<T>): Promise<T> {
  creating.add(promise);
  void promise.finally(() => creating.delete(promise)).catch(() => undefined);
  return promise;
}

export function contentsForPage(page: Page): WebContents | null {
  return byPage.get(page) ?? null;
}

const sansHash = (url: string) => url.split('#')[0];

interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}
type WindowOpenHandler = (details: WindowOpenDetails) => { action: 'allow' | 'deny' };

/**
 * A page nobody in the shim created: the popup of a window.open or a target=_blank link. The
 * opener's window-open handler has already answered (Page.windowOpen, see WebContents); Electron
 * would not have created this page at all, so it is closed at once.
 */
export async function onContextPage(page: Page): Promise<void> {
  await Promise.all([...creating]);
  if (byPage.has(page) || isProbePage(page)) return;
  page.on('crash', () => records.crashes.push({ url: page.url(), popup: true }));
  const url = page.url();
  try {
    await page.close();
    records.console.push({ type: 'shim-popup-closed', text: url });
  } catch (error) {
    // Already gone (its renderer crashed, or Chromium closed it itself): the window Electron would
    // never have made is not there either way. Said in the records, since it is not the usual path.
    if (!page.isClosed()) throw error;
    records.console.push({ type: 'shim-popup-closed', text: `${url} (gone before the shim closed it: ${String(error)})` });
  }
}

export async function onBindingCall(page: Page, frame: Frame, channel: string, encodedArgs: Encoded): Promise<Reply> {
  const contents = contentsForPage(page);
  if (!contents) return { ok: false, message: 'Error: this page has no web contents' };
  const args = decodeCloned(encodedArgs) as unknown[];
  if (channel === PRELOAD_ERROR_CHANNEL) {
    records.preloadErrors.push(String(args[0]));
    contents.emit('preload-error', electronEvent(), contents.preloadPath, new Error(String(args[0])));
    return { ok: true, value: null };
  }
  const event = { sender: contents, senderFrame: contents.frameFor(frame), frameId: 0, processId: 1, type: 'frame' };
  return invokeHandler(channel, event, args);
}

export class WebFrameMain {
  constructor(
    private readonly frame: Frame,
    private readonly owner: WebContents,
  ) {}
  get url(): string {
    return fromChromiumUrl(this.frame.url());
  }
  get origin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return 'null';
    }
  }
  get parent(): WebFrameMain | null {
    const parent = this.frame.parentFrame();
    return parent ? this.owner.frameFor(parent) : null;
  }
  get top(): WebFrameMain {
    return this.owner.frameFor(this.frame.page().mainFrame());
  }
  get name(): string {
    return this.frame.name();
  }
  isDestroyed(): boolean {
    return this.frame.isDetached();
  }
}

export type Prefs = Record<string, unknown> & { preload?: string };

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = session.defaultSession;
  windowOpenHandler: WindowOpenHandler | null = null;
  page: Page | null = null;
  ready: Promise<Page>;
  private destroyed = false;
  /** The renderer died (render-process-gone); the next loadURL gets a fresh one, as in Electron. */
  private crashed = false;
  private readonly pageSide: string;
  private readonly size: { width: number; height: number };
  private lastUrl = '';
  private readonly expected: string[] = [];
  private readonly frames = new WeakMap<Frame, WebFrameMain>();

  constructor(
    readonly owner: WindowOwner,
    private readonly prefs: Prefs,
    pageSide: string,
    size: { width: number; height: number },
  ) {
    super();
    this.pageSide = pageSide;
    this.size = size;
    this.ready = trackCreation(this.createPage(pageSide, size));
  }

  get preloadPath(): string | undefined {
    return this.prefs.preload;
  }

  private async createPage(pageSide: string, size: { width: number; height: number }): Promise<Page> {
    const context = requireContext();
    // The context starts with one blank page: the first window takes it.
    const spare = context.pages().find((p) => !byPage.has(p) && p.url() === 'about:blank' && !p.opener);
    const page = spare && byPage.size === 0 && !spareTaken ? spare : await context.newPage();
    spareTaken = true;
    byPage.set(page, this);
    this.page = page;
    await page.setViewportSize(size);
    // Chromium announces every new window (window.open, target=_blank) on the opener first, which
    // is where Electron asks setWindowOpenHandler.
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Page.windowOpen', (event: { url: string; windowName: string; windowFeatures: string[] }) =>
      this.onWindowOpen(event.url, event.windowName, event.windowFeatures),
    );
    await cdp.send('Page.enable');
    if (this.prefs.preload) await page.addInitScript({ content: this.preloadScript(this.prefs.preload, pageSide) });
    page.on('framenavigated', (frame) => this.onNavigated(frame));
    page.on('console', (message) => records.console.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => records.pageErrors.push(error.message));
    page.on('crash', () => {
      records.crashes.push({ url: page.url(), popup: false });
      if (page !== this.page) return;
      this.crashed = true;
      this.emit('render-process-gone', electronEvent(), { reason: 'crashed', exitCode: 11 });
    });
    page.on('dialog', (dialog) => {
      if (dialog.type() !== 'beforeunload') {
        records.dialogs.push({ kind: `page-${dialog.type()}`, options: dialog.message(), answer: 'dismissed', scripted: false });
        void dialog.dismiss();
        return;
      }
      const event = electronEvent();
      this.emit('will-prevent-unload', event);
      if (event.defaultPrevented) void dialog.accept();
      else {
        void dialog.dismiss();
        this.owner.emit('shim-close-kept');
      }
    });
    page.on('close', () => {
      // A crashed page replaced by a fresh one (see loadURL) is not the window closing.
      if (page !== this.page) return;
      this.destroyed = true;
      byPage.delete(page);
      this.emit('destroyed');
      this.owner.onPageClosed();
    });
    return page;
  }

  /** The bundled preload as an init script, with `require('electron')` answered by page-side.ts. */
  private preloadScript(preload: string, pageSide: string): string {
    const source = readFileSync(preload, 'utf8');
    const options = {
      binding: BINDING,
      deliver: DELIVER,
      preloadErrorChannel: PRELOAD_ERROR_CHANNEL,
      inSubFrames: this.prefs.nodeIntegrationInSubFrames === true,
      contextIsolation: this.prefs.contextIsolation !== false,
    };
    return `(() => {
const __shimOptions = ${JSON.stringify(options)};
const __shimPreload = function (require, module, exports, __filename, __dirname) {
${source}
};
const __shimPreloadName = ${JSON.stringify(path.basename(preload))};
${pageSide}
})();`;
  }

  private onNavigated(frame: Frame): void {
    if (!this.page || frame !== this.page.mainFrame()) return;
    const url = frame.url();
    const inPage = this.lastUrl !== '' && sansHash(this.lastUrl) === sansHash(url) && this.lastUrl !== url;
    this.lastUrl = url;
    if (inPage) this.emit('did-navigate-in-page', electronEvent(), fromChromiumUrl(url), true);
    else this.emit('did-navigate', electronEvent(), fromChromiumUrl(url), 200, 'OK');
  }

  private onWindowOpen(chromiumUrl: string, frameName: string, features: string[]): void {
    const url = fromChromiumUrl(chromiumUrl);
    const handler = this.windowOpenHandler;
    const result = handler ? handler({ url, frameName, features: features.join(','), disposition: 'new-window' }) : { action: 'allow' as const };
    records.windowOpens.push({ url, action: result.action });
    if (result.action !== 'deny') unsupported(`an allowed window.open (${url})`);
  }

  frameFor(frame: Frame): WebFrameMain {
    let wrapped = this.frames.get(frame);
    if (!wrapped) {
      wrapped = new WebFrameMain(frame, this);
      this.frames.set(frame, wrapped);
    }
    return wrapped;
  }

  get mainFrame(): WebFrameMain {
    if (!this.page) throw new Error('electron shim: webContents.mainFrame before the page exists');
    return this.frameFor(this.page.mainFrame());
  }

  /** True (once) for a navigation loadURL started: Electron emits no will-navigate for those. */
  takeExpectedNavigation(chromiumUrl: string): boolean {
    const at = this.expected.indexOf(sansHash(chromiumUrl));
    if (at < 0) return false;
    this.expected.splice(at, 1);
    return true;
  }

  /**
   * Playwright keeps a crashed page dead, while Electron gives the same webContents a new renderer
   * on its next load: the shim swaps in a fresh Chromium page (same init script, same handlers).
   */
  private async revive(): Promise<void> {
    const dead = await this.ready;
    this.crashed = false;
    this.lastUrl = '';
    byPage.delete(dead);
    this.ready = trackCreation(this.createPage(this.pageSide, this.size));
    await this.ready;
    await dead.close().catch(() => undefined);
  }

  isCrashed(): boolean {
    return this.crashed;
  }

  /** Electron's API; the shim navigates the renderer to chrome://crash, which kills it. */
  forcefullyCrashRenderer(): void {
    void this.ready.then((page) => page.goto('chrome://crash').catch(() => undefined));
  }

  async loadURL(url: string): Promise<void> {
    if (this.crashed) await this.revive();
    const page = await this.ready;
    const target = toChromiumUrl(url);
    const fetches = /^https?:/.test(target) && sansHash(target) !== sansHash(page.url());
    if (fetches) this.expected.push(sansHash(target));
    try {
      await page.goto(target, { waitUntil: 'load', timeout: 0 });
    } catch (error) {
      if (fetches) this.takeExpectedNavigation(target);
      this.emit('did-fail-load', electronEvent(), -3, String(error), url, true);
      throw new Error(`ERR_ABORTED (-3) loading '${url}': ${(error as Error).message.split('\n')[0]}`);
    }
    this.emit('did-finish-load', electronEvent());
    this.owner.onLoaded();
  }

  getURL(): string {
    return this.page ? fromChromiumUrl(this.page.url()) : '';
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed || !this.page) throw new Error('Object has been destroyed');
    const encoded = encodeCloned(cloneForIpc(args, `send ${channel}`));
    this.page
      .mainFrame()
      .evaluate(([deliver, ch, payload]) => (window as unknown as Record<string, (c: unknown, p: unknown) => void>)[deliver as string]?.(ch, payload), [
        DELIVER,
        channel,
        encoded,
      ] as const)
      // Electron drops messages to a renderer that is navigating away or gone; so does the shim.
      .catch((error: unknown) => records.console.push({ type: 'shim-dropped', text: `${channel}: ${String(error).split('\n')[0]}` }));
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isLoading(): boolean {
    return false;
  }

  async closePage(): Promise<void> {
    const page = await this.ready;
    await page.close({ runBeforeUnload: true });
  }

  executeJavaScript(): never {
    throw unsupported('webContents.executeJavaScript');
  }
}
