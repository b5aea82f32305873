/**
 * Stores made before packs kept one file per blob (`<dir>/blobs/<2 hex>/<sha-256>.gz`). On the
 * first open with packs those blobs are appended to a pack, in batches, and the folder is
 * removed, so no kept version is lost in the move. Runs once: afterwards there is no folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from '../file-reports';
import type { StoredBlob } from './snapshot-backend';

const HASH = /^[0-9a-f]{64}$/;
const BATCH = 256;

export async function importLegacyBlobs(dir: string, write: (batch: StoredBlob[]) => Promise<void>): Promise<number> {
  const root = path.join(dir, 'blobs');
  let shards: string[];
  try {
    shards = await fs.promises.readdir(root);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return 0;
    throw error;
  }
  let imported = 0;
  let batch: StoredBlob[] = [];
  for (const shard of shards) {
    let names: string[];
    try {
      names = await fs.promises.readdir(path.join(root, shard));
    } catch (error) {
      // A stray file beside the shards: not a blob folder.
      if (errorCode(error) === 'ENOTDIR') continue;
      throw error;
    }
    for (const name of names) {
      const hash = name.slice(0, -3);
      if (!name.endsWith('.gz') || !HASH.test(hash)) continue;
      batch.push({ hash, compressed: await fs.promises.readFile(path.join(root, shard, name)) });
      if (batch.length >= BATCH) {
        await write(batch);
        imported += batch.length;
        batch = [];
      }
    }
  }
  if (batch.length > 0) await write(batch);
  imported += batch.length;
  // Only once every blob is in a pack (a failure above leaves the folder for the next open).
  await fs.promises.rm(root, { recursive: true, force: true });
  return imported;
}
