import type { VaultPath } from '../../../main/core/types';
/**
 * Where the editor keeps its unsaved text between page loads: IndexedDB in the renderer, so a
 * reload, a crashed tab or a killed window leaves it behind, in browser mode and Electron
 * alike. One record per note of one vault (keyed by the vault's root and the note's path) with
 * the hash of the disk version the text was typed over, so the next open can tell whether the
 * disk still holds that version. Without IndexedDB (tests, a browser that refuses it) there is
 * no store and drafts are off; the unsaved-changes prompt still guards the text.
 */

export interface StoredDraft {
  path: VaultPath;
  text: string;
  /** The disk version the text was typed over (null: the note was not on disk). */
  baseHash: string | null;
  /** When the text was last written here (ms since the epoch). */
  savedAt: number;
}

export interface DraftStore {
  put(draft: StoredDraft): Promise<void>;
  get(path: VaultPath): Promise<StoredDraft | null>;
  remove(path: VaultPath): Promise<void>;
}

const DB_NAME = 'plexus-drafts';
const STORE = 'drafts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function indexedDbDraftStore(vaultKey: string, idb: IDBFactory | undefined = globalThis.indexedDB): DraftStore | null {
  if (idb === undefined) return null;
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('could not open IndexedDB'));
    });
    return opened;
  };
  const key = (path: VaultPath) => `${vaultKey}\n${path}`;
  return {
    async put(draft) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(draft, key(draft.path));
      await done(tx);
    },
    async get(path) {
      const tx = (await db()).transaction(STORE, 'readonly');
      const value = (await request(tx.objectStore(STORE).get(key(path)))) as unknown;
      return isDraft(value, path) ? value : null;
    },
    async remove(path) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(key(path));
      await done(tx);
    },
  };
}

/** A record from another version of the app (or damaged) is ignored, never offered. */
function isDraft(value: unknown, path: VaultPath): value is StoredDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<StoredDraft>;
  return d.path === path && typeof d.text === 'string' && (d.baseHash === null || typeof d.baseHash === 'string') && typeof d.savedAt === 'number';
}

export function memoryDraftStore(): DraftStore & { drafts: Map<string, StoredDraft> } {
  const drafts = new Map<string, StoredDraft>();
  return {
    drafts,
    async put(draft) {
      drafts.set(draft.path, { ...draft });
    },
    async get(path) {
      return drafts.get(path) ?? null;
    },
    async remove(path) {
      drafts.delete(path);
    },
  };
}
