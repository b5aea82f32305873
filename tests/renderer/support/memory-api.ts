/**
 * The renderer's tests run against the real contract handlers (createApiHandlers) over a real
 * VaultService on an in-memory vault (MemoryVaultFs): links resolve, backlinks, search, writes,
 * renames and deletes behave exactly as in the app. The class opens the vault at once and each
 * API call waits for it, so a test mounts the app synchronously, as against the IPC bridge.
 *
 * What a test can do besides: read and change the vault's files (`notes`, `attachments`: a
 * change is made as another program would, and the service sees it through the watch), push an
 * event to the subscribers as a host would (`emit`: connection state, statuses), and read the
 * calls the renderer made (`calls`). Faults: writes that fail at the storage port (`faults`:
 * the disk is full, a note or folder is not writable), and the transport's (`holdAnswers`: a
 * slow connection; `dropEvents`: a page whose socket is down hears nothing).
 *
 * Under jest's fake timers the service runs on the fake clock too (its watch and parse are
 * timers): RTL's waitFor moves the clock on as it polls, and `settled()` moves it on until the
 * service has taken in every change (support/fake-timers.ts).
 */
import '../file-recovery/node-globals';
import type { ApiMethodName, NoteMeta, PlexusApi, Result, VaultEvent } from '../../../main/contract/api-contract';
import { API_METHOD_NAMES } from '../../../main/contract/api-methods';
import type { ResolvedLink, VaultPath } from '../../../main/core/types';
import { gzipSync } from 'node:zlib';
import { configure } from '@testing-library/react';
import { MemoryVaultFs } from '../../../main/service/files/memory-vault-fs';
import { FaultyVaultFs } from '../../service/support/faulty-vault-fs';
import { untilSettled } from './fake-timers';
import { hashBytes } from '../../../main/service/files/read-vault-file';
import { MemorySnapshotBackend } from '../../../main/service/snapshots/snapshot-backend';
import { encodeEntries } from '../../../main/service/snapshots/snapshot-index-codec';
import type { SnapshotEntry } from '../../../main/service/snapshots/snapshot-types';
import { openMemoryVault, type MemoryVault } from '../../service/memory-vault';
import { vp } from '../../support/vault-path';

export interface MemoryVaultFiles {
  /** Note path -> markdown. */
  notes: Record<string, string>;
  /** Attachment path -> its bytes, or a data URL of them. */
  attachments?: Record<string, string | Uint8Array>;
  readOnly?: boolean;
  /**
   * Notes to show as indexed in safe mode, with why. The service indexes a note in safe mode
   * only when a parse worker overruns its budget, and a vault in memory is parsed in-thread,
   * so the real meta is answered with this reason set.
   */
  safeMode?: Record<string, string>;
  /** What getVaultInfo reports; 'browser' unless given. */
  host?: 'electron' | 'browser';
  /** File recovery: versions already in the vault's snapshot store when it opens, by note path. */
  versions?: Record<string, { id: string; time: number; reason: SnapshotEntry['reason']; content: string }[]>;
}

/** A snapshot store holding `versions` (blobs gzip'd by content hash, one index line each). */
function storeWith(versions: NonNullable<MemoryVaultFiles['versions']>): MemorySnapshotBackend {
  const backend = new MemorySnapshotBackend();
  const entries: SnapshotEntry[] = [];
  for (const [path, list] of Object.entries(versions)) {
    for (const { id, time, reason, content } of list) {
      const bytes = new TextEncoder().encode(content);
      const hash = hashBytes(bytes);
      backend.blobs.set(hash, new Uint8Array(gzipSync(bytes)));
      entries.push({ id, path: vp(path), time, size: bytes.length, hash, reason });
    }
  }
  // The log is appended to as versions are kept: oldest first.
  backend.index = encodeEntries(entries.sort((a, b) => a.time - b.time));
  return backend;
}

/** The folder the vault lives in (in memory): its name is the vault's name. */
export const MEMORY_ROOT = '/Test Vault';

function bytesOf(content: string | Uint8Array): Uint8Array {
  if (typeof content !== 'string') return content;
  if (!content.startsWith('data:')) return new TextEncoder().encode(content);
  return new Uint8Array(Buffer.from(content.slice(content.indexOf(',') + 1), 'base64'));
}

/** A Map-like view of some of the vault's files (notes, or attachments) as text. */
export class FileView {
  constructor(
    private readonly fs: MemoryVaultFs,
    private readonly isMine: (path: string) => boolean,
  ) {}

  private abs(path: string): string {
    return `${MEMORY_ROOT}/${path}`;
  }

  get(path: string): string | undefined {
    return this.fs.readText(this.abs(path)) ?? undefined;
  }

  has(path: string): boolean {
    return this.fs.readText(this.abs(path)) !== null;
  }

  /** Writes the file as another program would. */
  set(path: string, content: string | Uint8Array): this {
    this.fs.writeFileSync(this.abs(path), bytesOf(content));
    return this;
  }

  /** Removes the file as another program would (`unreported`: before the watcher tells the service). */
  delete(path: string, options: { unreported?: boolean } = {}): boolean {
    if (!this.has(path)) return false;
    this.fs.removeSync(this.abs(path), options);
    return true;
  }

  keys(): string[] {
    const prefix = `${MEMORY_ROOT}/`;
    return this.fs
      .files()
      .filter((abs) => abs.startsWith(prefix))
      .map((abs) => abs.slice(prefix.length))
      .filter((path) => !path.split('/').some((segment) => segment.startsWith('.')) && this.isMine(path));
  }

  get size(): number {
    return this.keys().length;
  }
}

const isNote = (path: string) => path.toLowerCase().endsWith('.md');

export class MemoryApi {
  readonly fs = new MemoryVaultFs();
  readonly notes = new FileView(this.fs, isNote);
  readonly attachments = new FileView(this.fs, (path) => !isNote(path));
  /** The storage port the service and writer use: `fs`, with write faults a test turns on. */
  readonly faults = new FaultyVaultFs(this.fs);
  /**
   * Every call the renderer made, in order; writeNote's args without its expected hash (a
   * sha-256 no test spells out), which is kept apart as `expectedHash`.
   */
  calls: { method: string; args: unknown[]; expectedHash?: string | null }[] = [];
  /** While true, the service's events do not reach the page (its connection is down); `emit` still does. */
  dropEvents = false;
  private readonly holding = new Set<string>();
  private held: (() => void)[] = [];
  /** Resolves to the open vault; rejects when it could not be opened. */
  readonly ready: Promise<MemoryVault>;
  private vault: MemoryVault | null = null;
  private readonly listeners = new Set<(e: VaultEvent) => void>();
  private readonly safeMode: Map<string, string>;

  constructor(files: MemoryVaultFiles) {
    this.fs.mkdirSync(MEMORY_ROOT);
    for (const [path, content] of Object.entries(files.notes)) this.notes.set(path, content);
    for (const [path, content] of Object.entries(files.attachments ?? {})) this.attachments.set(path, content);
    this.safeMode = new Map(Object.entries(files.safeMode ?? {}));
    const host = files.host ?? 'browser';
    // The desktop host opens attachments in the OS's default app (shell.openPath: '' or why not);
    // here nothing is opened, but a missing file is refused as the OS would.
    const openPath = host === 'electron' ? async (abs: string) => (this.fs.readText(abs) === null ? 'the file does not exist' : '') : undefined;
    this.ready = openMemoryVault(
      {},
      { root: MEMORY_ROOT, fs: this.fs, port: this.faults, readOnly: files.readOnly, host, openPath, snapshots: storeWith(files.versions ?? {}) },
    ).then((vault) => {
      this.vault = vault;
      vault.service.onEvent((event) => {
        if (!this.dropEvents) this.emit(event);
      });
      return vault;
    });
    // Observed here so a failed open is reported by the first call, not as an unhandled rejection.
    this.ready.catch(() => undefined);
    MemoryApi.open.add(this);
  }

  /** Every MemoryApi not yet closed (closed after each test, see below). */
  private static readonly open = new Set<MemoryApi>();

  static async closeAll(): Promise<void> {
    const all = [...MemoryApi.open];
    MemoryApi.open.clear();
    await Promise.all(all.map((api) => api.close()));
  }

  async close(): Promise<void> {
    MemoryApi.open.delete(this);
    this.listeners.clear();
    this.stopHolding();
    await (await this.ready.catch(() => null))?.close();
  }

  /** The service, once open (tests that wait for it to settle). */
  get service(): MemoryVault['service'] {
    if (this.vault === null) throw new Error('the memory vault is not open yet: await api.ready');
    return this.vault.service;
  }

  /**
   * Resolves once every change made to the files so far has reached the index (watch delivered,
   * batch applied) and its events were sent; under fake timers the clock moves on until then.
   */
  async settled(): Promise<void> {
    await untilSettled(
      (async () => {
        const vault = await this.ready;
        await this.fs.reported();
        await vault.service.settled();
      })(),
    );
  }

  /**
   * From now on the answers to `method` are held, as over a slow connection: the service
   * answers at once (with the vault as it is when asked), the page gets the answer only on
   * `releaseAnswers()`.
   */
  holdAnswers(method: ApiMethodName): void {
    this.holding.add(method);
  }

  /** Delivers every held answer; returns how many there were. */
  releaseAnswers(): number {
    const held = this.held;
    this.held = [];
    for (const deliver of held) deliver();
    return held.length;
  }

  /** Answers are no longer held; those held so far are delivered. */
  stopHolding(): number {
    this.holding.clear();
    return this.releaseAnswers();
  }

  /** How many answers are held now. */
  get heldAnswers(): number {
    return this.held.length;
  }

  /** Push an event to every subscriber, as the host does with the service's events. */
  emit(event: VaultEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The note's outgoing links as the service resolved them. */
  linksOf(path: VaultPath): ResolvedLink[] {
    return this.service.graph.outgoing(path);
  }

  /** The PlexusApi over the real handlers (every call recorded, then answered once the vault is open). */
  api(): PlexusApi {
    const api: Record<string, unknown> = {
      onEvent: (listener: (e: VaultEvent) => void) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
    for (const method of API_METHOD_NAMES) {
      api[method] = (...args: unknown[]) => {
        this.calls.push(method === 'writeNote' ? { method, args: args.slice(0, 2), expectedHash: args[2] as string | null } : { method, args });
        const answer = this.answer(method, args);
        return this.holding.has(method) ? new Promise((resolve, reject) => this.held.push(() => answer.then(resolve, reject))) : answer;
      };
    }
    return api as unknown as PlexusApi;
  }

  private async answer(method: ApiMethodName, args: unknown[]): Promise<unknown> {
    const vault = await this.ready;
    const answer = await (vault.handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    return method === 'getNoteMeta' ? this.withSafeMode(answer as Result<NoteMeta>) : answer;
  }

  private withSafeMode(meta: Result<NoteMeta>): Result<NoteMeta> {
    const reason = meta.ok ? this.safeMode.get(meta.value.path) : undefined;
    return meta.ok && reason !== undefined ? { ok: true, value: { ...meta.value, safeMode: reason } } : meta;
  }
}

// The first real index and parse in a test file pays for warming up the parser (over a second on
// a loaded two-core machine), which the default one-second wait of findBy/waitFor does not allow.
configure({ asyncUtilTimeout: 15000 });

// Each test's vaults are closed after it (their watch and timers must not outlive it).
afterEach(() => MemoryApi.closeAll());
