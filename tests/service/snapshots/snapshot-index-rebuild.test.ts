/**
 * The version index (index.jsonl) lost, torn or garbled on a real temp folder: the store rebuilds
 * it from the journal kept beside the packs, every version is listed again and restores byte for
 * byte, and the next prune writes a clean index.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { SnapshotStore } from '../../../main/service/snapshots/snapshot-store';
import { DEFAULT_RETENTION, type SnapshotEntry } from '../../../main/service/snapshots/snapshot-types';
import { makeTempDir, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function open(dir: string, now: () => number) {
  const errors: string[] = [];
  const opened = await SnapshotStore.open(new PackSnapshotBackend(dir), { now, onError: (error, what) => errors.push(`${what}: ${String(error)}`) });
  return { ...opened, errors };
}

/** Several notes, several versions each (CRLF, non-ASCII, a shared text), written by two sessions, one of them pruned. */
async function fill(dir: string, now: () => number, advance: () => void): Promise<Map<string, Buffer>> {
  const texts = new Map<string, Buffer>();
  for (let session = 0; session < 2; session++) {
    const { store, errors } = await open(dir, now);
    for (let i = 0; i < 4; i++) {
      for (const note of ['a.md', 'sub/b.md', 'ü.md']) {
        const bytes = Buffer.from(`${note} v${session}.${i}\r\nünïcode ${i % 2 === 0 ? 'shared' : note}\n`, 'utf8');
        const entry = store.take(vp(note), bytes, sha(bytes), i === 0 ? 'first-read' : 'before-save');
        if (entry !== null) texts.set(entry.id, bytes);
        advance();
      }
    }
    if (session === 0) {
      // A prune that drops versions rewrites the index and the journal: what it dropped must not come back.
      const { removedVersions } = await store.prune(new Set(), { ...DEFAULT_RETENTION, keepLast: 3, maxAgeMs: 0 });
      expect(removedVersions).toBe(3);
      const kept = new Set(store.paths().flatMap((p) => store.versions(p).map((e) => e.id)));
      for (const id of [...texts.keys()]) if (!kept.has(id)) texts.delete(id);
    }
    await store.flushed();
    expect(errors).toEqual([]);
  }
  return texts;
}

async function expectAllBack(dir: string, now: () => number, texts: Map<string, Buffer>): Promise<{ rebuilt: number; damaged: number }> {
  const { store, rebuilt, damaged, errors } = await open(dir, now);
  const listed: SnapshotEntry[] = store.paths().flatMap((p) => store.versions(p));
  expect(listed.map((e) => e.id).sort()).toEqual([...texts.keys()].sort());
  for (const entry of listed) expect(Buffer.from(await store.read(entry)).equals(texts.get(entry.id)!)).toBe(true);
  // The next prune writes a clean index: a plain open afterwards needs no rebuild.
  await store.prune(new Set(), DEFAULT_RETENTION);
  await store.flushed();
  expect(errors).toEqual([]);
  const again = await open(dir, now);
  expect({ rebuilt: again.rebuilt, damaged: again.damaged }).toEqual({ rebuilt: 0, damaged: 0 });
  expect(again.store.paths().flatMap((p) => again.store.versions(p)).length).toBe(texts.size);
  return { rebuilt, damaged };
}

describe('a damaged version index is rebuilt', () => {
  let root: string;
  let dir: string;
  let t: number;
  const now = () => t;
  const advance = () => void (t += 1000);
  beforeEach(() => {
    root = makeTempDir('plexus-snapshots-');
    dir = path.join(root, 'snapshots');
    t = Date.now();
  });
  afterEach(() => removeDir(root));
  const index = () => path.join(dir, 'index.jsonl');

  test('missing: every version is listed again and restores byte for byte', async () => {
    const texts = await fill(dir, now, advance);
    expect(texts.size).toBe(21);
    fs.rmSync(index());
    expect(await expectAllBack(dir, now, texts)).toEqual({ rebuilt: 21, damaged: 0 });
  });

  test('truncated mid-line: the lines past the cut come back', async () => {
    const texts = await fill(dir, now, advance);
    const full = fs.readFileSync(index());
    fs.truncateSync(index(), Math.floor(full.length / 3) + 7);
    const { rebuilt, damaged } = await expectAllBack(dir, now, texts);
    expect(damaged).toBe(1);
    expect(rebuilt).toBeGreaterThan(10);
  });

  test('garbled: bytes overwritten in the middle and a binary tail', async () => {
    const texts = await fill(dir, now, advance);
    const bytes = fs.readFileSync(index());
    bytes.fill(0x7b, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 300);
    fs.writeFileSync(index(), Buffer.concat([bytes, Buffer.from([0, 255, 10, 34, 10])]));
    const { rebuilt, damaged } = await expectAllBack(dir, now, texts);
    expect(damaged).toBeGreaterThan(1);
    expect(rebuilt).toBeGreaterThan(0);
  });

  test('replaced by a non-index file: nothing parses, and still nothing is lost', async () => {
    const texts = await fill(dir, now, advance);
    fs.writeFileSync(index(), 'this is not an index\n');
    expect(await expectAllBack(dir, now, texts)).toEqual({ rebuilt: 21, damaged: 1 });
  });
});
