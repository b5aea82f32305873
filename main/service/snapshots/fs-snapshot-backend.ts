/**
 * The snapshot store on disk, in the app's data folder for the vault (never inside the vault):
 *   <dir>/blobs/<first two hex digits>/<sha-256>.gz   one compressed version each
 *   <dir>/index.jsonl                                 one line per kept version (append-only)
 * Blobs and index rewrites go through a temp file and a rename, like the other app data, so a
 * crash leaves the old file or the new one. Appends may leave a torn last line after a crash;
 * the index codec skips it. Deleting the folder is always safe: history starts again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from '../file-reports';
import { writeFileAtomic } from '../write/note-writer-atomic';
import type { SnapshotBackend } from './snapshot-backend';

const HASH = /^[0-9a-f]{64}$/;

export class FsSnapshotBackend implements SnapshotBackend {
  constructor(readonly dir: string) {}

  async listBlobs(): Promise<Set<string>> {
    const blobs = new Set<string>();
    const root = path.join(this.dir, 'blobs');
    let shards: string[];
    try {
      shards = await fs.promises.readdir(root);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return blobs;
      throw error;
    }
    for (const shard of shards) {
      for (const name of await fs.promises.readdir(path.join(root, shard))) {
        const hash = name.slice(0, -3);
        if (name.endsWith('.gz') && HASH.test(hash)) blobs.add(hash);
      }
    }
    return blobs;
  }

  async blobSize(hash: string): Promise<number | null> {
    try {
      return (await fs.promises.stat(this.blobFile(hash))).size;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async writeBlob(hash: string, compressed: Uint8Array): Promise<void> {
    // Not fsynced: a blob is a copy, and an open stores thousands of them.
    await writeFileAtomic(this.blobFile(hash), compressed, { durable: false });
  }

  async readBlob(hash: string): Promise<Uint8Array | null> {
    try {
      return await fs.promises.readFile(this.blobFile(hash));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async removeBlob(hash: string): Promise<void> {
    await fs.promises.rm(this.blobFile(hash), { force: true });
  }

  async readIndex(): Promise<string> {
    try {
      return await fs.promises.readFile(this.indexFile(), 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return '';
      throw error;
    }
  }

  async appendIndex(text: string): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    await fs.promises.appendFile(this.indexFile(), text);
  }

  async rewriteIndex(text: string): Promise<void> {
    await writeFileAtomic(this.indexFile(), text);
  }

  private blobFile(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`invalid snapshot hash ${hash}`);
    return path.join(this.dir, 'blobs', hash.slice(0, 2), `${hash}.gz`);
  }

  private indexFile(): string {
    return path.join(this.dir, 'index.jsonl');
  }
}
