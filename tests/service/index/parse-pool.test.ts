import { parseNote } from '../../../main/core/parse/parse-note';
import { parseFiles } from '../../../main/service/index/parse-files';
import { PACK_MIN_ITEMS } from '../../../main/service/index/packed-parse-results';
import { ParsePool, defaultPoolSize, resolveWorkerScript } from '../../../main/service/index/parse-pool';
import { scanVault } from '../../../main/service/index/scan-vault';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeVault, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

describe('ParsePool', () => {
  let root: string;
  const paths: VaultPath[] = [];
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) {
      const p = vp(`F${i % 7}/Note ${i}.md`);
      paths.push(p);
      files[p] = `---\naliases: [N${i}]\ntags: [t${i % 3}]\n---\n# Note ${i}\n\nSee [[Note ${(i * 7) % 250}]] and [x](Other%20${i}.md) #tag/${i % 5}\n`;
    }
    files['F0/bad.md'] = '\uFEFF# BOM note [[Note 1]]';
    paths.push(vp('F0/bad.md'), vp('F0/missing.md'));
    root = makeVault(files);
  });
  afterAll(() => removeDir(root));

  const settings = () => ({ root, maxFileBytes: 1024 * 1024, withText: false });

  test('pool size is min(parallelism, 4) and at least 1', () => {
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(1);
    expect(defaultPoolSize()).toBeLessThanOrEqual(4);
  });

  test('falls back to the bootstrap when no bundled worker sits next to it', () => {
    expect(resolveWorkerScript()).toMatch(/parse-worker-bootstrap\.cjs$/);
  });

  test('keepWarm keeps a worker through idle spells: the next parse starts none', async () => {
    // A worker script that counts its starts, then runs the real worker.
    const dir = mkdtempSync(join(tmpdir(), 'plexus-warm-'));
    const starts = join(dir, 'starts');
    writeFileSync(starts, '');
    const script = join(dir, 'counting-worker.cjs');
    writeFileSync(script, `require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'x');\nrequire(${JSON.stringify(resolveWorkerScript())});\n`);
    const pool = new ParsePool({ size: 2, idleMs: 20, keepWarm: 1, workerScript: script });
    try {
      expect(await pool.parse(settings(), paths.slice(0, 3))).toEqual(parseFiles({ ...settings(), paths: paths.slice(0, 3) }));
      expect(readFileSync(starts, 'utf8')).toBe('x');
      // Ten idle spells' worth: without the floor the worker is stopped and the next parse starts another.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await pool.parse(settings(), paths.slice(3, 5))).toEqual(parseFiles({ ...settings(), paths: paths.slice(3, 5) }));
      expect(readFileSync(starts, 'utf8')).toBe('x');
    } finally {
      await pool.close();
      removeDir(dir);
    }
  });

  test('a scan on a worker lists exactly what an in-thread scan lists, then the same worker parses', async () => {
    const pool = new ParsePool({
      size: 2,
      onWarning: (message) => {
        throw new Error(message);
      },
    });
    try {
      const viaWorker = await pool.scan(root);
      expect(viaWorker.files.length).toBe(251);
      expect(viaWorker).toEqual(await scanVault(root));
      expect(await pool.parse(settings(), paths.slice(0, 5))).toEqual(parseFiles({ ...settings(), paths: paths.slice(0, 5) }));
    } finally {
      await pool.close();
    }
  });

  test('worker-thread results equal in-thread parsing, in input order, with progress', async () => {
    const pool = new ParsePool({
      size: 2,
      batchSize: 40,
      onWarning: (message) => {
        throw new Error(message);
      },
    });
    const progress: number[] = [];
    try {
      const viaWorkers = await pool.parse(settings(), paths, (done) => progress.push(done));
      const inThread = parseFiles({ ...settings(), paths });
      expect(viaWorkers).toEqual(inThread);
      expect(viaWorkers.map((r) => r.path)).toEqual(paths);
      const first = viaWorkers[0];
      if (!first.ok) throw new Error('expected a parse');
      expect(first.parsed).toEqual(parseNote(paths[0], `---\naliases: [N0]\ntags: [t0]\n---\n# Note 0\n\nSee [[Note 0]] and [x](Other%200.md) #tag/0\n`));
      expect(viaWorkers[viaWorkers.length - 1]).toMatchObject({ path: 'F0/missing.md', ok: false, report: { problem: 'unreadable' } });
      expect(progress[progress.length - 1]).toBe(paths.length);
    } finally {
      await pool.close();
    }
  });

  test('small jobs run in-thread; a broken worker script falls back with a warning', async () => {
    const warnings: string[] = [];
    const pool = new ParsePool({ size: 1, workerScript: '/nonexistent/worker.js', onWarning: (m) => warnings.push(m) });
    try {
      const results = await pool.parse(settings(), paths.slice(0, 5));
      expect(results).toEqual(parseFiles({ ...settings(), paths: paths.slice(0, 5) }));
      expect(warnings).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });

  test('a note with more links, tags and headings than crossing as objects allows crosses packed, and arrives whole', async () => {
    const lines = Array.from(
      { length: Math.ceil(PACK_MIN_ITEMS / 3) },
      (_, i) => `## H${i % 50}\nSee [[Note ${i % 97}#H|x]] ![[p${i}.png]] [m](M%20${i % 13}.md) #t/${i % 7} ^b${i}\n`,
    );
    const big = makeVault({ 'Big.md': `---\naliases: [B]\ntags: [fm]\n---\n${lines.join('')}`, 'Small.md': '[[Big]]' });
    const pool = new ParsePool({ size: 1, parseBudgetMs: 60_000 });
    try {
      const request = { root: big, maxFileBytes: 64 * 1024 * 1024, withText: true };
      const viaWorker = await pool.parse(request, [vp('Big.md'), vp('Small.md')]);
      const first = viaWorker[0];
      if (!first.ok) throw new Error('expected a parse');
      expect(first.parsed.links.length + first.parsed.headings.length).toBeGreaterThan(PACK_MIN_ITEMS);
      expect(viaWorker).toStrictEqual(parseFiles({ ...request, paths: [vp('Big.md'), vp('Small.md')] }));
    } finally {
      await pool.close();
      removeDir(big);
    }
  });
});
