import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemorySnapshotBackend, type SnapshotBackend } from '../../../main/service/snapshots/snapshot-backend';
import { PackSnapshotBackend } from '../../../main/service/snapshots/pack-snapshot-backend';
import { SnapshotStore } from '../../../main/service/snapshots/snapshot-store';
import { DEFAULT_RETENTION } from '../../../main/service/snapshots/snapshot-types';
import { makeTempDir, removeDir, until } from '../temp-vault';
import { vp } from '../../support/vault-path';

const bytes = (text: string) => new TextEncoder().encode(text);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

async function open(backend: SnapshotBackend, now: () => number) {
  const errors: string[] = [];
  const { store, damaged } = await SnapshotStore.open(backend, { now, onError: (error, what) => errors.push(`${what}: ${String(error)}`) });
  return { store, damaged, errors };
}

describe.each([
  ['memory', () => ({ backend: new MemorySnapshotBackend() as SnapshotBackend, cleanup: () => {} })],
  [
    'file system',
    () => {
      const dir = makeTempDir('plexus-snapshots-');
      return { backend: new PackSnapshotBackend(path.join(dir, 'snapshots')) as SnapshotBackend, cleanup: () => removeDir(dir) };
    },
  ],
])('SnapshotStore (%s backend)', (_name, make) => {
  let env: ReturnType<typeof make>;
  beforeEach(() => (env = make()));
  afterEach(() => env.cleanup());

  it('takes, lists newest first, and reads back byte for byte, also after reopening', async () => {
    const c = clock();
    const { store, errors } = await open(env.backend, c.now);
    const v1 = bytes('# one\r\n\ufefftext');
    const v2 = bytes('# two');
    store.take(vp('a.md'), v1, sha(v1), 'first-read');
    c.advance(1000);
    store.take(vp('a.md'), v2, sha(v2), 'before-save');
    // Readable at once, before the background write.
    expect(await store.read(store.versions(vp('a.md'))[0])).toEqual(v2);
    await store.flushed();
    expect(errors).toEqual([]);

    const again = await open(env.backend, c.now);
    const listed = again.store.versions(vp('a.md'));
    expect(listed.map((e) => [e.reason, e.size, e.hash])).toEqual([
      ['before-save', v2.length, sha(v2)],
      ['first-read', v1.length, sha(v1)],
    ]);
    expect(await again.store.read(listed[1])).toEqual(v1);
    expect(listed[0].time - listed[1].time).toBe(1000);
  });

  it('does not list the same content twice in a row, but always lists a deletion', async () => {
    const { store } = await open(env.backend, clock().now);
    const v = bytes('same');
    expect(store.take(vp('a.md'), v, sha(v), 'first-read')).not.toBeNull();
    expect(store.take(vp('a.md'), v, sha(v), 'before-save')).toBeNull();
    expect(store.take(vp('a.md'), v, sha(v), 'deleted')).not.toBeNull();
    expect(store.versions(vp('a.md')).map((e) => e.reason)).toEqual(['deleted', 'first-read']);
    await store.flushed();
  });

  it('shares one blob between notes with the same content', async () => {
    const { store } = await open(env.backend, clock().now);
    const v = bytes('shared text '.repeat(100));
    store.take(vp('a.md'), v, sha(v), 'before-save');
    store.take(vp('b.md'), v, sha(v), 'before-save');
    await store.flushed();
    expect((await env.backend.listBlobs()).size).toBe(1);
    expect(store.totalBytes()).toBeLessThan(v.length);
  });

  it('survives a damaged index: bad lines are skipped, reported, and dropped at the next prune', async () => {
    const c = clock();
    const first = await open(env.backend, c.now);
    const v = bytes('kept');
    first.store.take(vp('a.md'), v, sha(v), 'before-save');
    await first.store.flushed();
    await env.backend.appendIndex('{"id":"x","p":"b.md","t":1,"s":3,"h":"zz","r":"before-save"}\nnot json\n{"id":"torn","p":"a');
    const second = await open(env.backend, c.now);
    expect(second.damaged).toBe(3);
    expect(second.store.versions(vp('a.md'))).toHaveLength(1);
    await second.store.prune(new Set(), DEFAULT_RETENTION);
    expect((await open(env.backend, c.now)).damaged).toBe(0);
  });

  it('prunes by age and count, keeps live blobs, and forgets versions whose blob is gone', async () => {
    const c = clock();
    const { store } = await open(env.backend, c.now);
    const versions = Array.from({ length: 12 }, (_, i) => bytes(`version ${i}`));
    for (const v of versions) {
      store.take(vp('a.md'), v, sha(v), 'before-save');
      c.advance(1000);
    }
    const current = bytes('current');
    store.putBlob(sha(current), current);
    await store.flushed();
    c.advance(8 * DAY);
    // Blobs written since the last prune are spared once (the state naming them live may lag).
    await store.prune(new Set(), DEFAULT_RETENTION);
    const result = await store.prune(new Set([sha(current)]), DEFAULT_RETENTION);
    // The two versions past both limits go now; the live blob stays.
    expect(result.removedBlobs).toBe(2);
    expect(store.versions(vp('a.md')).map((e) => e.hash)).toEqual(versions.slice(2).reverse().map(sha));
    const blobs = await env.backend.listBlobs();
    expect(blobs.has(sha(versions[0]))).toBe(false);
    expect(blobs.has(sha(current))).toBe(true);

    await env.backend.removeBlobs([sha(versions[11])]);
    expect((await open(env.backend, c.now)).store.versions(vp('a.md'))).toHaveLength(9);
  });

  it('keeps the total under the size cap, oldest first', async () => {
    const c = clock();
    const { store } = await open(env.backend, c.now);
    // Random-ish text compresses badly, so each blob is roughly its own size.
    const big = (n: number) => bytes(createHash('sha512').update(String(n)).digest('base64').repeat(1).padEnd(2000, String(n)) + Math.random());
    for (let i = 0; i < 5; i++) {
      const v = big(i);
      store.take(vp(`n${i}.md`), v, sha(v), 'before-save');
      c.advance(1000);
    }
    await store.flushed();
    await store.prune(new Set(), DEFAULT_RETENTION); // spends the "recent" grace
    const sizes = [...(await env.backend.listBlobs()).values()];
    const cap = sizes.reduce((a, b) => a + b, 0) - 1;
    await store.prune(new Set(), { ...DEFAULT_RETENTION, maxTotalBytes: cap });
    expect(store.paths().sort()).toEqual(['n1.md', 'n2.md', 'n3.md', 'n4.md']);
    expect(store.totalBytes()).toBeLessThanOrEqual(cap);
  });

  it('knows the sizes of blobs found on open from the index, so the size cap holds across sessions', async () => {
    const c = clock();
    const first = await open(env.backend, c.now);
    for (let i = 0; i < 3; i++) {
      const v = bytes(`${createHash('sha512').update(String(i)).digest('base64')}`.repeat(20));
      first.store.take(vp(`n${i}.md`), v, sha(v), 'before-save');
      c.advance(1000);
    }
    await first.store.flushed();
    const again = await open(env.backend, c.now);
    expect(again.store.totalBytes()).toBe(first.store.totalBytes());
    await again.store.prune(new Set(), { ...DEFAULT_RETENTION, maxTotalBytes: 1 });
    expect(again.store.paths()).toEqual([]);
    expect((await env.backend.listBlobs()).size).toBe(0);
  });

  it('reports a failed write and keeps going (a full disk never throws into the caller)', async () => {
    if (!(env.backend instanceof MemorySnapshotBackend)) return;
    const { store, errors } = await open(env.backend, clock().now);
    env.backend.failWrites = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const v = bytes('lost');
    expect(() => store.take(vp('a.md'), v, sha(v), 'before-save')).not.toThrow();
    await store.flushed();
    expect(errors.some((e) => e.includes('ENOSPC'))).toBe(true);
    env.backend.failWrites = null;
    const w = bytes('kept');
    store.take(vp('b.md'), w, sha(w), 'before-save');
    await store.flushed();
    expect(await store.read(store.versions(vp('b.md'))[0])).toEqual(w);
  });

  it('refuses a blob whose bytes do not match its hash', async () => {
    const { store } = await open(env.backend, clock().now);
    const v = bytes('original');
    store.take(vp('a.md'), v, sha(v), 'before-save');
    await store.flushed();
    const gz = await import('node:zlib');
    await env.backend.removeBlobs([sha(v)]);
    await env.backend.writeBlobs([{ hash: sha(v), compressed: gz.gzipSync(bytes('tampered')) }]);
    await expect(store.read(store.versions(vp('a.md'))[0])).rejects.toThrow(/damaged/);
  });
});

it('the file-system store lives where it is told, and only there', async () => {
  const dir = makeTempDir('plexus-snapshots-');
  try {
    const backend = new PackSnapshotBackend(path.join(dir, 'snap'));
    const { store } = await SnapshotStore.open(backend, {
      onError: (e) => {
        throw e;
      },
    });
    const v = bytes('x');
    store.take(vp('a.md'), v, sha(v), 'before-save');
    await store.flushed();
    expect(fs.readdirSync(path.join(dir, 'snap')).sort()).toEqual(['index.jsonl', 'journal', 'packs', 'store.lock.queue']);
  } finally {
    removeDir(dir);
  }
});

it('a prune whose compaction is slow never holds up taking or reading a version', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const backend = new MemorySnapshotBackend();
  let steps = 0;
  backend.compactStep = async () => {
    steps++;
    await gate;
    return false;
  };
  const { store } = await SnapshotStore.open(backend, {
    onError: (e) => {
      throw e;
    },
  });
  const pruned = store.prune(new Set(), DEFAULT_RETENTION);
  await until(() => steps === 1);
  const v = bytes('taken while compacting');
  // Taken and readable at once, though the store's writer is busy compacting.
  expect(store.take(vp('a.md'), v, sha(v), 'before-save')).not.toBeNull();
  expect(await store.read(store.versions(vp('a.md'))[0])).toEqual(v);
  release();
  await pruned;
  await store.flushed();
  expect((await backend.listBlobs()).has(sha(v))).toBe(true);
});

it('closing during a prune waits for it and queues no compaction step after: nothing touches the folder once closed', async () => {
  const backend = new MemorySnapshotBackend();
  let steps = 0;
  let afterClose = 0;
  let closed = false;
  // Every step says there is more to compact: only closing ends the loop.
  backend.compactStep = async () => {
    steps++;
    if (closed) afterClose++;
    await new Promise((resolve) => setImmediate(resolve));
    return true;
  };
  const { store } = await SnapshotStore.open(backend, {
    onError: (e) => {
      throw e;
    },
  });
  const pruned = store.prune(new Set(), DEFAULT_RETENTION);
  await until(() => steps >= 3);
  await store.close();
  closed = true;
  await pruned;
  expect(afterClose).toBe(0);
});
