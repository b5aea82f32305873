/** An in-memory PlexusApi for editor tests: a disk of notes, hashes, events on demand. */
import type { NoteContent, PlexusApi, Result, VaultEvent, WriteOutcome } from '../../../main/contract/api-contract';

export class FakeDisk {
  files = new Map<string, string>();
  writes: { path: string; content: string; expectedHash: string | null }[] = [];
  creates: { path: string; content: string }[] = [];
  failNextWrite: string | null = null;
  /** Every writeNote fails with this message while set (an unwritable note). */
  failWrites: string | null = null;
  /** Every createNote fails with this message while set (an unwritable folder). */
  failCreates: string | null = null;
  /** While true, readNote answers only when `releaseReads()` is called (with the disk as it was when asked). */
  holdReads = false;
  private heldReads: (() => void)[] = [];
  listeners = new Set<(e: VaultEvent) => void>();

  hash(path: string): string {
    return `h:${this.files.get(path)}`;
  }

  /** Someone else changes the file, and the service reports it. */
  external(path: string, content: string | null): void {
    if (content === null) this.files.delete(path);
    else this.files.set(path, content);
    for (const l of this.listeners) l({ type: 'external-change', path, hash: content === null ? '' : this.hash(path), deleted: content === null });
  }

  /** Answers the held reads; returns how many there were. */
  releaseReads(): number {
    const held = this.heldReads;
    this.heldReads = [];
    for (const answer of held) answer();
    return held.length;
  }

  get pendingReads(): number {
    return this.heldReads.length;
  }

  private readNow(path: string): Result<NoteContent> {
    return this.files.has(path)
      ? { ok: true, value: { path, content: this.files.get(path)!, hash: this.hash(path), mtimeMs: 1, eol: '\n', decodeWarning: null } }
      : { ok: false, error: { code: 'not-found', message: 'missing' } };
  }

  api(): PlexusApi {
    const notImplemented = (name: string) => async () => {
      throw new Error(`FakeDisk: ${name} is not used by the editor tests`);
    };
    const write = async (path: string, content: string, expectedHash: string | null): Promise<Result<WriteOutcome>> => {
      this.writes.push({ path, content, expectedHash });
      if (this.failWrites) return { ok: false, error: { code: 'io-error', message: this.failWrites } };
      if (this.failNextWrite) {
        const message = this.failNextWrite;
        this.failNextWrite = null;
        return { ok: false, error: { code: 'io-error', message } };
      }
      if (expectedHash !== null && (!this.files.has(path) || this.hash(path) !== expectedHash)) {
        return { ok: false, error: { code: 'conflict', message: 'changed on disk' } };
      }
      this.files.set(path, content);
      return { ok: true, value: { hash: this.hash(path), mtimeMs: 1 } };
    };
    const api: Partial<PlexusApi> = {
      readNote: async (path) => {
        const answer = this.readNow(path);
        if (!this.holdReads) return answer;
        return new Promise((resolve) => this.heldReads.push(() => resolve(answer)));
      },
      writeNote: write,
      createNote: async (path, content) => {
        this.creates.push({ path, content });
        if (this.failCreates) return { ok: false, error: { code: 'io-error', message: this.failCreates } };
        if (this.files.has(path)) return { ok: false, error: { code: 'exists', message: 'exists' } };
        this.files.set(path, content);
        return { ok: true, value: { hash: this.hash(path), mtimeMs: 1 } };
      },
      getSwitcherItems: async () => [
        { path: 'Attention.md', title: 'Attention', aliases: ['Self-attention'] },
        { path: 'Loss.md', title: 'Loss', aliases: [] },
      ],
      resolveLink: async (_from, target) => ({ resolved: target === 'Attention' ? 'Attention.md' : null, kind: null, createPath: `${target}.md` }),
      getNoteMeta: async (path) => ({
        ok: true,
        value: {
          path,
          title: 'Attention',
          aliases: [],
          tags: [],
          frontmatter: null,
          headings: [{ text: 'Heads', level: 2, line: 3 }],
          blockIds: [{ id: 'q1', line: 5 }],
          safeMode: null,
        },
      }),
      openExternal: async () => ({ ok: true, value: null }),
      onEvent: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
    return new Proxy(api as PlexusApi, { get: (t, k: string) => (k in t ? t[k as keyof PlexusApi] : notImplemented(k)) });
  }
}
