import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFiles } from '../../../main/service/index/parse-files';
import { ParsePool } from '../../../main/service/index/parse-pool';
import { CRASH_MARK, hangMark, SLOW_PARSER_MODULE } from '../slow-parser';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';
import { vp, vps } from '../../support/vault-path';
import type { VaultPath } from '../../../main/core/types';

describe('ParsePool parse budget', () => {
  let root: string;
  let signals: string;
  const normal: VaultPath[] = [];
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      normal.push(vp(`Note ${i}.md`));
      files[`Note ${i}.md`] = `---\naliases: [N${i}]\n---\n# Note ${i}\nSee [[Note ${(i + 1) % 30}]] #t${i % 3}\n`;
    }
    signals = makeTempDir('plexus-signals-');
    files['Hang.md'] =
      `---\naliases: [Never read]\n---\n# Hang\n${hangMark(path.join(signals, 'hang-started'))}\nlinks to [[Note 1#Note 1|one]] and [two](Note%202.md) #slow\n`;
    files['Crash.md'] = `# Crash\n${CRASH_MARK} [[Note 3]]\n`;
    root = makeVault(files);
  });
  afterAll(() => {
    removeDir(root);
    removeDir(signals);
  });

  const settings = () => ({ root, maxFileBytes: 1024 * 1024, withText: false });
  const noWarnings = (message: string) => {
    throw new Error(message);
  };

  test('a note over budget comes back in safe mode with its links; its batch-mates parse in full; the pool recovers', async () => {
    const pool = new ParsePool({ size: 2, batchSize: 8, parseBudgetMs: 300, parserModule: SLOW_PARSER_MODULE, onWarning: noWarnings });
    try {
      const paths = [...normal.slice(0, 10), vp('Hang.md'), ...normal.slice(10)];
      const results = await pool.parse(settings(), paths);
      expect(results.map((r) => r.path)).toEqual(paths);
      const hang = results[10];
      if (!hang.ok) throw new Error(`Hang.md was not indexed: ${hang.report.message}`);
      expect(hang.safeMode).toBe('parsing took longer than the 300 ms budget');
      expect(hang.parsed.links.map((l) => [l.kind, l.target, l.heading, l.alias])).toEqual([
        ['wiki', 'Note 1', 'Note 1', 'one'],
        ['markdown', 'Note 2.md', null, 'two'],
      ]);
      expect(hang.parsed.tags).toEqual(['slow']);
      expect(hang.parsed.aliases).toEqual([]);
      const others = results.filter((r) => r.path !== 'Hang.md');
      expect(others).toEqual(parseFiles({ ...settings(), paths: paths.filter((p) => p !== 'Hang.md') }));
      // The stopped worker was replaced: the pool still parses, and still stops a hanging note.
      const again = await pool.parse(settings(), [vp('Hang.md'), vp('Note 0.md')]);
      expect(again.map((r) => r.ok && r.safeMode)).toEqual(['parsing took longer than the 300 ms budget', null]);
    } finally {
      await pool.close();
    }
  });

  test('while one note hangs, other jobs finish; closing stops the hanging parse at once', async () => {
    fs.rmSync(path.join(signals, 'hang-started'), { force: true });
    const pool = new ParsePool({ size: 2, parseBudgetMs: 60_000, parserModule: SLOW_PARSER_MODULE, onWarning: noWarnings });
    let hangOutcome: string | null = null;
    const hanging = pool.parse(settings(), [vp('Hang.md')]).then(
      () => (hangOutcome = 'resolved'),
      (error: Error) => (hangOutcome = error.message),
    );
    try {
      await waitForFile(path.join(signals, 'hang-started'));
      const results = await pool.parse(settings(), normal);
      expect(results.every((r) => r.ok && r.safeMode === null)).toBe(true);
      expect(hangOutcome).toBeNull();
    } finally {
      await pool.close();
    }
    await hanging;
    expect(hangOutcome).toBe('parse pool closed');
  });

  test('a single small job runs on a worker, so a hanging parse never blocks this thread', async () => {
    const pool = new ParsePool({ size: 1, parseBudgetMs: 400, parserModule: SLOW_PARSER_MODULE, onWarning: noWarnings });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    try {
      const [result] = await pool.parse(settings(), [vp('Hang.md')]);
      expect(result.ok && result.safeMode).toMatch(/budget/);
      // This thread kept running its timers while the worker hung (in-thread it would never get here).
      expect(ticks).toBeGreaterThan(5);
    } finally {
      clearInterval(ticker);
      await pool.close();
    }
  });

  test('a worker that crashes on a note is replaced and the note is parsed in safe mode', async () => {
    const pool = new ParsePool({ size: 1, batchSize: 4, parserModule: SLOW_PARSER_MODULE, onWarning: noWarnings });
    try {
      const paths = vps('Note 0.md', 'Crash.md', 'Note 1.md');
      const results = await pool.parse(settings(), paths);
      const crash = results[1];
      if (!crash.ok) throw new Error(`Crash.md was not indexed: ${crash.report.message}`);
      expect(crash.safeMode).toBe('the parser crashed (exited with code 3)');
      expect(crash.parsed.links.map((l) => l.target)).toEqual(['Note 3']);
      expect([results[0], results[2]]).toEqual(parseFiles({ ...settings(), paths: [vp('Note 0.md'), vp('Note 1.md')] }));
    } finally {
      await pool.close();
    }
  });
});

async function waitForFile(file: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
