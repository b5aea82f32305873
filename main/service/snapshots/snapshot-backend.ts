/**
 * Where the snapshot store keeps its bytes: a port, so the store's logic runs in tests on an
 * in-memory backend, and in the app on the file-system one (fs-snapshot-backend.ts).
 * Blobs are stored compressed; the backend does not look inside them.
 */
export interface SnapshotBackend {
  /** Every stored blob's hash (cheap: a folder listing, no per-blob stat). */
  listBlobs(): Promise<Set<string>>;
  /** A stored blob's (compressed) size, or null when there is none. */
  blobSize(hash: string): Promise<number | null>;
  /** Stores a blob (atomically: a reader sees all of it or none). */
  writeBlob(hash: string, compressed: Uint8Array): Promise<void>;
  /** The blob's stored bytes, or null when there is none. */
  readBlob(hash: string): Promise<Uint8Array | null>;
  removeBlob(hash: string): Promise<void>;
  /** The index log's text ('' when there is none). */
  readIndex(): Promise<string>;
  /** Appends lines to the index log. */
  appendIndex(text: string): Promise<void>;
  /** Replaces the whole index log atomically (pruning, repair). */
  rewriteIndex(text: string): Promise<void>;
}

export class MemorySnapshotBackend implements SnapshotBackend {
  readonly blobs = new Map<string, Uint8Array>();
  index = '';
  /** Test seam: when set, writes throw it (a full disk). */
  failWrites: Error | null = null;

  async listBlobs(): Promise<Set<string>> {
    return new Set(this.blobs.keys());
  }

  async blobSize(hash: string): Promise<number | null> {
    return this.blobs.get(hash)?.length ?? null;
  }

  async writeBlob(hash: string, compressed: Uint8Array): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.blobs.set(hash, compressed);
  }

  async readBlob(hash: string): Promise<Uint8Array | null> {
    return this.blobs.get(hash) ?? null;
  }

  async removeBlob(hash: string): Promise<void> {
    this.blobs.delete(hash);
  }

  async readIndex(): Promise<string> {
    return this.index;
  }

  async appendIndex(text: string): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.index += text;
  }

  async rewriteIndex(text: string): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.index = text;
  }
}
