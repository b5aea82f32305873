/**
 * The snapshot store's compression (snapshot-store.ts): gzip for a batch of blobs without
 * holding the event loop, gunzip to read one back.
 */
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { StoredBlob } from './snapshot-backend';

const gzipAsync = promisify(zlib.gzip);
/** Below this, compressing in-thread (well under a millisecond) is cheaper than the hop to the thread pool. */
const IN_THREAD_GZIP_BYTES = 64 * 1024;
/** Longest stretch of in-thread compression before the event loop gets a turn. */
const GZIP_SLICE_MS = 4;

export const gunzip = promisify(zlib.gunzip);

function gzip(bytes: Uint8Array): Promise<Uint8Array> | Uint8Array {
  return bytes.length <= IN_THREAD_GZIP_BYTES ? zlib.gzipSync(bytes) : gzipAsync(bytes);
}

/**
 * Compresses each hash's bytes, in order. A checkout hands over thousands of blobs at once;
 * compressed in one turn they held the event loop for as long as that took, so the turn ends
 * every few milliseconds.
 */
export async function compressInSlices(hashes: readonly string[], bytesOf: (hash: string) => Uint8Array): Promise<StoredBlob[]> {
  const blobs: StoredBlob[] = [];
  let sliceEnd = performance.now() + GZIP_SLICE_MS;
  for (const hash of hashes) {
    blobs.push({ hash, compressed: await gzip(bytesOf(hash)) });
    if (performance.now() >= sliceEnd) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceEnd = performance.now() + GZIP_SLICE_MS;
    }
  }
  return blobs;
}
