/**
 * The storage port's in-memory adapter: a vault folder held in a Map, with the errors node:fs
 * gives (ENOENT, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY; messages start with the code, as node's
 * do, which the readers rely on) and a watch that reports every change made through it. A
 * VaultService opens over it with `VaultService.open(root, { fs })`; tests use it to run the
 * real service and handlers without a disk (the renderer's tests, in jsdom).
 *
 * No symlinks, no permissions. mtimes come from a clock that never repeats, so a change is
 * always seen as one (the service compares size and mtime). Test code plays "another program"
 * with `writeFileSync` and `removeSync`, which the watch reports like any other change.
 */
import * as path from 'node:path';
import type { VaultWatcherHandlers, VaultWatcherOptions } from '../watch/vault-watcher';
import { ENOENT, entryOf, errno, OpenFiles, statOf, type Change, type Node } from './memory-fs-nodes';
import { MemoryWatch } from './memory-watch';
import type { VaultFs, VaultFsDirEntry, VaultFsStat, VaultFsWatch } from './vault-fs';

export class MemoryVaultFs implements VaultFs {
  readonly onDisk = false;
  private readonly nodes = new Map<string, Node>();
  private readonly fds = new OpenFiles();
  private readonly watchers = new Set<(change: Change) => void>();
  private readonly watches = new Set<MemoryWatch>();
  private nextIno = 1;
  private lastMtime = 0;

  /** `files`: absolute path -> content; their folders (and `/`) are created. */
  constructor(files: Record<string, string | Uint8Array> = {}) {
    this.nodes.set('/', { kind: 'dir', mtimeMs: this.tick(), ino: this.nextIno++ });
    for (const [abs, content] of Object.entries(files)) this.writeFileSync(abs, content);
  }

  // ---- test helpers: another program changing the vault ----

  /** Writes a file (making its folders), as another program would; the watch reports it, unless `unreported` (as removeSync). */
  writeFileSync(abs: string, content: string | Uint8Array, options: { unreported?: boolean } = {}): void {
    const file = this.normal(abs);
    this.mkdirp(path.dirname(file));
    const existing = this.nodes.get(file);
    if (existing?.kind === 'dir') throw errno('EISDIR', 'illegal operation on a directory', 'open', file);
    this.setFile(
      file,
      typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content),
      existing?.kind === 'file' ? existing.mode : 0o644,
      options.unreported === true,
    );
  }

  /** Makes a folder and its parents. */
  mkdirSync(abs: string): void {
    this.mkdirp(this.normal(abs));
  }

  /** The file's text (UTF-8), or null when there is none. */
  readText(abs: string): string | null {
    const node = this.nodes.get(this.normal(abs));
    return node?.kind === 'file' ? new TextDecoder().decode(node.bytes) : null;
  }

  /**
   * Removes a file or a whole folder, as another program would; the watch reports it, unless
   * `unreported` (a change the watcher has not delivered yet: the index still lists the file).
   */
  removeSync(abs: string, options: { unreported?: boolean } = {}): void {
    const target = this.normal(abs);
    const node = this.nodes.get(target);
    if (node === undefined) throw ENOENT('rm', target);
    for (const key of this.subtree(target)) this.nodes.delete(key);
    this.touchParent(target);
    if (options.unreported !== true) this.notify({ abs: target, event: node.kind === 'dir' ? 'unlinkDir' : 'change' });
  }

  /** Every file's absolute path, sorted. */
  files(): string[] {
    return [...this.nodes]
      .filter(([, node]) => node.kind === 'file')
      .map(([abs]) => abs)
      .sort();
  }

  // ---- WriterFs ----

  async readFile(abs: string): Promise<Uint8Array> {
    return this.readFileNow(abs);
  }

  async writeNewFile(abs: string, data: Uint8Array, mode: number | undefined): Promise<void> {
    const file = this.normal(abs);
    this.requireDir(path.dirname(file), 'open', file);
    if (this.nodes.has(file)) throw errno('EEXIST', 'file already exists', 'open', file);
    this.setFile(file, new Uint8Array(data), (mode ?? 0o666) & 0o777);
  }

  async rename(from: string, to: string): Promise<void> {
    const source = this.normal(from);
    const target = this.normal(to);
    const node = this.nodes.get(source);
    if (node === undefined) throw ENOENT('rename', source);
    this.requireDir(path.dirname(target), 'rename', target);
    if (source === target) return;
    const existing = this.nodes.get(target);
    if (node.kind === 'file' && existing?.kind === 'dir') throw errno('EISDIR', 'illegal operation on a directory', 'rename', target);
    if (node.kind === 'dir') {
      if (existing?.kind === 'file') throw errno('ENOTDIR', 'not a directory', 'rename', target);
      if (existing !== undefined && this.subtree(target).length > 1) throw errno('ENOTEMPTY', 'directory not empty', 'rename', target);
      if (target.startsWith(`${source}/`)) throw errno('EINVAL', 'invalid argument', 'rename', target);
    }
    const moved = this.subtree(source).map((key) => [key, this.nodes.get(key)!] as const);
    for (const [key] of moved) this.nodes.delete(key);
    for (const [key, value] of moved) this.nodes.set(target + key.slice(source.length), value);
    this.touchParent(source);
    this.touchParent(target);
    this.notify({ abs: source, event: node.kind === 'dir' ? 'unlinkDir' : 'change' });
    for (const [key, value] of moved) if (value.kind === 'file') this.notify({ abs: target + key.slice(source.length), event: 'change' });
  }

  async link(from: string, to: string): Promise<void> {
    const source = this.normal(from);
    const target = this.normal(to);
    const node = this.nodes.get(source);
    if (node === undefined) throw ENOENT('link', source);
    if (node.kind === 'dir') throw errno('EPERM', 'operation not permitted', 'link', source);
    this.requireDir(path.dirname(target), 'link', target);
    if (this.nodes.has(target)) throw errno('EEXIST', 'file already exists', 'link', target);
    // Bytes are never changed in place (a write makes a new node), so sharing them is a hard link.
    this.nodes.set(target, node);
    this.touchParent(target);
    this.notify({ abs: target, event: 'change' });
  }

  async unlink(abs: string): Promise<void> {
    const file = this.normal(abs);
    const node = this.nodes.get(file);
    if (node === undefined) throw ENOENT('unlink', file);
    if (node.kind === 'dir') throw errno('EISDIR', 'illegal operation on a directory', 'unlink', file);
    this.nodes.delete(file);
    this.touchParent(file);
    this.notify({ abs: file, event: 'change' });
  }

  async stat(abs: string): Promise<VaultFsStat> {
    return this.statSync(abs);
  }

  async mkdir(abs: string): Promise<void> {
    this.mkdirp(this.normal(abs));
  }

  async readdir(abs: string): Promise<VaultFsDirEntry[]> {
    return this.readdirSync(abs);
  }

  async syncDir(abs: string): Promise<void> {
    this.requireDir(this.normal(abs), 'fsync', abs);
  }

  // ---- ReaderFs ----

  openSync(abs: string): number {
    return this.fds.open(this.lookup(abs, 'open'));
  }

  fstatSync(fd: number): { size: number; mtimeMs: number; isFile(): boolean } {
    return this.fds.fstat(fd);
  }

  readSync(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    return this.fds.read(fd, buffer, offset, length);
  }

  closeSync(fd: number): void {
    this.fds.close(fd);
  }

  // ---- the rest of VaultFs ----

  readdirSync(abs: string): VaultFsDirEntry[] {
    const dir = this.normal(abs);
    const node = this.lookup(dir, 'scandir');
    if (node.kind !== 'dir') throw errno('ENOTDIR', 'not a directory', 'scandir', dir);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const entries: VaultFsDirEntry[] = [];
    for (const [key, value] of this.nodes) {
      if (key !== dir && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) entries.push(entryOf(key.slice(prefix.length), value));
    }
    return entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  statSync(abs: string): VaultFsStat {
    return statOf(this.lookup(abs, 'stat'));
  }

  lstatSync(abs: string): VaultFsStat {
    return statOf(this.lookup(abs, 'lstat'));
  }

  realpathSync(abs: string): string {
    const real = this.normal(abs);
    this.lookup(real, 'realpath');
    return real;
  }

  async lstat(abs: string): Promise<VaultFsStat> {
    return this.lstatSync(abs);
  }

  async realpath(abs: string): Promise<string> {
    return this.realpathSync(abs);
  }

  watch(realRoot: string, handlers: VaultWatcherHandlers, options: VaultWatcherOptions = {}): VaultFsWatch {
    const watch = new MemoryWatch(this.normal(realRoot), handlers, options, (listener) => {
      this.watchers.add(listener);
      this.watches.add(watch);
      return () => {
        this.watchers.delete(listener);
        this.watches.delete(watch);
      };
    });
    return watch;
  }

  /** Resolves once every watch has handed out the changes made so far (tests waiting on state, not time). */
  async reported(): Promise<void> {
    await Promise.all([...this.watches].map((watch) => watch.delivered()));
  }

  // ---- internals ----

  private normal(abs: string): string {
    if (!path.posix.isAbsolute(abs)) throw new Error(`memory vault fs: not an absolute path: ${abs}`);
    return path.posix.normalize(abs).replace(/(.)\/+$/, '$1');
  }

  private tick(): number {
    this.lastMtime = Math.max(Date.now(), this.lastMtime + 1);
    return this.lastMtime;
  }

  /** The node at `abs`; ENOTDIR when a file stands where a folder on the way should be. */
  private lookup(abs: string, syscall: string): Node {
    const target = this.normal(abs);
    const node = this.nodes.get(target);
    if (node !== undefined) return node;
    for (let dir = path.posix.dirname(target); dir !== '/'; dir = path.posix.dirname(dir)) {
      if (this.nodes.get(dir)?.kind === 'file') throw errno('ENOTDIR', 'not a directory', syscall, target);
    }
    throw ENOENT(syscall, target);
  }

  private requireDir(dir: string, syscall: string, abs: string): void {
    const node = this.nodes.get(dir);
    if (node === undefined) {
      this.lookup(dir, syscall);
      throw ENOENT(syscall, abs);
    }
    if (node.kind !== 'dir') throw errno('ENOTDIR', 'not a directory', syscall, abs);
  }

  private mkdirp(dir: string): void {
    const node = this.nodes.get(dir);
    if (node?.kind === 'dir') return;
    if (node?.kind === 'file') throw errno('EEXIST', 'file already exists', 'mkdir', dir);
    this.mkdirp(path.posix.dirname(dir));
    this.nodes.set(dir, { kind: 'dir', mtimeMs: this.tick(), ino: this.nextIno++ });
    this.touchParent(dir);
  }

  private setFile(file: string, bytes: Uint8Array, mode: number, unreported = false): void {
    const now = this.tick();
    this.nodes.set(file, { kind: 'file', bytes, mtimeMs: now, bornMs: now, mode, ino: this.nextIno++ });
    this.touchParent(file);
    if (!unreported) this.notify({ abs: file, event: 'change' });
  }

  private touchParent(abs: string): void {
    const parent = this.nodes.get(path.posix.dirname(abs));
    if (parent?.kind === 'dir') parent.mtimeMs = this.tick();
  }

  /** `abs` and everything below it. */
  private subtree(abs: string): string[] {
    return [...this.nodes.keys()].filter((key) => key === abs || key.startsWith(`${abs}/`));
  }

  private readFileNow(abs: string): Uint8Array {
    const node = this.lookup(abs, 'open');
    if (node.kind === 'dir') throw errno('EISDIR', 'illegal operation on a directory', 'read', abs);
    return new Uint8Array(node.bytes);
  }

  private notify(change: Change): void {
    for (const listener of [...this.watchers]) listener(change);
  }
}
