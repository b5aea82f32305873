/**
 * Starts the real Electron face under the shim (../shim): builds the main process and preload
 * exactly as `npm run build` does (scripts/build.cjs's bundleOne, same entries and options) and
 * the renderer with Vite, into a temp app folder with a copy of the sample vault; runs
 * `node electron-shim.js` with `require('electron')` resolved to the shim, then attaches to its
 * Chromium over CDP so the test drives the very window the app created.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../../bench/graph/chromium-args';
import { ensureRendererBuilt, RENDERER_DIST } from '../../../../main/cli/renderer-build';
import { CHROMIUM_PATH } from '../../support/browser';
import type { ShimConfig } from '../shim/electron-shim';
import { pollUntil } from '../../support/poll';

const REPO = path.join(__dirname, '..', '..', '..', '..');
const SHIM_DIR = path.join(__dirname, '..', 'shim');
interface BuildScript {
  ENTRIES: { entry: string; out: string; optional: boolean }[];
  bundleOne(entry: string, outfile: string): Promise<unknown>;
}

export interface BuiltApp {
  root: string;
  mainScript: string;
  shimScript: string;
  pageSide: string;
}

/** The product bundles (same code as `npm run build`) plus the shim, in a fresh temp folder. */
export async function buildApp(): Promise<BuiltApp> {
  const root = mkdtempSync(path.join(tmpdir(), 'plexus-electron-e2e-'));
  const build = require(path.join(REPO, 'scripts', 'build.cjs')) as BuildScript;
  for (const { entry, out } of build.ENTRIES) await build.bundleOne(entry, path.join(root, 'dist', 'main', out));
  if (!ensureRendererBuilt((line) => console.log(line))) throw new Error('the renderer could not be built');
  cpSync(RENDERER_DIST, path.join(root, 'dist', 'renderer'), { recursive: true });
  // In development the app copies <checkout>/vault as its sample vault; this folder is the checkout.
  cpSync(path.join(REPO, 'vault'), path.join(root, 'vault'), { recursive: true });
  const esbuild = await import('esbuild');
  const shimScript = path.join(root, 'shim', 'electron-shim.js');
  const pageSide = path.join(root, 'shim', 'page-side.js');
  await esbuild.build({
    entryPoints: [path.join(SHIM_DIR, 'electron-shim.ts')],
    outfile: shimScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['playwright-core'],
    logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [path.join(SHIM_DIR, 'page-side.ts')],
    outfile: pageSide,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  return { root, mainScript: path.join(root, 'dist', 'main', 'electron-main.js'), shimScript, pageSide };
}

export interface Records {
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  windows: { options: { webPreferences: Record<string, unknown> } & Record<string, unknown> }[];
  openExternal: string[];
  trashItem: string[];
  dialogs: { kind: string; options: unknown; answer: unknown; scripted: boolean }[];
  errorBoxes: { title: string; content: string }[];
  responses: { url: string; status: number; headers: Record<string, string> }[];
  offlineRequests: string[];
  refusedNavigations: string[];
  windowOpens: { url: string; action: string }[];
  ipcCalls: { channel: string; frameUrl: string; ok: boolean; message?: string }[];
  cloneFailures: string[];
  preloadErrors: string[];
  console: { type: string; text: string }[];
  pageErrors: string[];
  progress: number[];
  titles: string[];
  singleInstanceLock: boolean | null;
  handedOver: string[] | null;
  secondInstances: string[][];
  protocolClients: { protocol: string; path?: string; args?: string[] }[];
  windowShows: { how: string; loaded: boolean }[];
  focus: number;
  watched: Record<string, unknown[]>;
  stalled: string[];
  quit: boolean;
  unsupported: string[];
}

export interface RunningApp {
  page: Page;
  userData: string;
  output(): string;
  control<T = unknown>(op: string, args?: unknown): Promise<T>;
  records(): Promise<Records>;
  /** The window's live page whose URL (as Chromium sees it) passes `accept`: after a crash, a new one. */
  findPage(accept: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Command-line arguments of the app (`electron . ARGS`). */
  args?: string[];
}

function forkShim(built: BuiltApp, name: string, args: string[]): { child: ChildProcess; userData: string } {
  const userData = path.join(built.root, name, 'userData');
  const documents = path.join(built.root, name, 'Documents');
  mkdirSync(userData, { recursive: true });
  mkdirSync(documents, { recursive: true });
  const config: ShimConfig = {
    mainScript: built.mainScript,
    pageSide: built.pageSide,
    userData,
    documents,
    chromium: CHROMIUM_PATH,
    chromiumArgs: CHROMIUM_ARGS,
    args,
  };
  const child = fork(built.shimScript, [], {
    cwd: built.root,
    env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules'), PLEXUS_ELECTRON_SHIM: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return { child, userData };
}

/**
 * Starts the app again on the same userData as the running instance `name`, as a second click on
 * a link would: it must be refused the single-instance lock, hand its argv over and exit.
 */
export async function runSecondInstance(
  built: BuiltApp,
  name: string,
  args: string[],
): Promise<{ code: number | null; records: Records | null; output: string }> {
  const { child } = forkShim(built, name, args);
  let output = '';
  let records: Records | null = null;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('message', (message: { type: string; records?: Records }) => {
    if (message.type === 'exit' && message.records) records = message.records;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, records, output };
}

export async function startApp(built: BuiltApp, name = 'run', options: StartOptions = {}): Promise<RunningApp> {
  const { child, userData } = forkShim(built, name, options.args ?? []);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const cdp = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { type: string; id?: number; ok?: boolean; result?: unknown; message?: string; cdp?: string }) => {
      if (message.type === 'ready' && message.cdp) resolve(message.cdp);
      if (message.type === 'reply' && message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.result);
        else waiter?.reject(new Error(message.message));
      }
    });
    void exited.then((code) => reject(new Error(`the app exited with ${code} before it was ready:\n${output}`)));
  });
  const browser: Browser = await chromium.connectOverCDP(cdp).catch((error: Error) => {
    throw new Error(`${error.message}\nThe app's output:\n${output}`);
  });
  const control = <T>(op: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, op, args });
    });
  // The window the app created: the one live page showing the app origin.
  const findPage = async (accept: (url: string) => boolean, timeoutMs = 60_000) => {
    const live = async () =>
      browser
        .contexts()[0]
        ?.pages()
        .find((p) => !p.isClosed() && accept(p.url())) ?? null;
    const found = await pollUntil(live, (p) => p !== null || child.exitCode !== null, timeoutMs);
    if (!found) throw new Error(`no window page passed the test:\n${output}`);
    return found;
  };
  const page = await findPage((url) => url.startsWith('https://app.plexus.localhost/'));
  return {
    page,
    userData,
    output: () => output,
    control,
    records: () => control<Records>('records'),
    findPage,
    async stop() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null && child.connected) await control('quit').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function removeApp(built: BuiltApp | undefined): void {
  if (built) rmSync(built.root, { recursive: true, force: true });
}
