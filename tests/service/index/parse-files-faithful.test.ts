/**
 * The parse workers index what the page draws: notes with the constructs the scanner only
 * approximates (link reference definitions, `_` at a tag's edge) are parsed with the renderer's
 * remark pipeline (parseNoteFaithful), on a worker and in-thread alike, and that parse runs
 * under the worker's budget like any other.
 */
import { parseNoteWithRemark } from '../../../main/core/parse/reference/parse-note-remark';
import { parseFiles } from '../../../main/service/index/parse-files';
import { ParsePool } from '../../../main/service/index/parse-pool';
import { makeVault, removeDir } from '../temp-vault';
import { vp } from '../../support/vault-path';

describe('parse workers use the faithful parse', () => {
  let root: string;
  const REFERENCE = 'See [the target][t] and [[Wiki]] #_edge\n\n[t]: Target%20Note.md\n';
  // Nested emphasis: micromark's resolver is quadratic on it (minutes at this size); the scanner reads it in milliseconds.
  const SLOW_FOR_REMARK = `[d]: Elsewhere.md\n\n${'*a '.repeat(20_000)}x${' a*'.repeat(20_000)} [[Still Indexed]]\n`;
  beforeAll(() => {
    root = makeVault({ 'Reference.md': REFERENCE, 'Plain.md': 'Just [[Wiki]].\n', 'Slow.md': SLOW_FOR_REMARK });
  });
  afterAll(() => removeDir(root));
  const settings = () => ({ root, maxFileBytes: 1024 * 1024, withText: false });
  const noWarnings = (message: string) => {
    throw new Error(message);
  };

  test('a note with a link reference definition is indexed as remark reads it, in-thread and on a worker', async () => {
    const [inThread] = parseFiles({ ...settings(), paths: [vp('Reference.md')] });
    if (!inThread.ok) throw new Error(inThread.report.message);
    expect(inThread.parsed).toEqual(parseNoteWithRemark(vp('Reference.md'), REFERENCE));
    expect(inThread.parsed.links.map((l) => [l.kind, l.target])).toEqual([
      ['markdown', 'Target Note.md'],
      ['wiki', 'Wiki'],
    ]);
    const pool = new ParsePool({ size: 1, onWarning: noWarnings });
    try {
      expect(await pool.parse(settings(), [vp('Reference.md'), vp('Plain.md')])).toEqual(
        parseFiles({ ...settings(), paths: [vp('Reference.md'), vp('Plain.md')] }),
      );
    } finally {
      await pool.close();
    }
  });

  test('a flagged note remark would take minutes on is left to the scanner, as the page leaves it to plain text', async () => {
    // In-thread there is no budget: without the render guard in front of remark this would hang.
    const [inThread] = parseFiles({ ...settings(), paths: [vp('Slow.md')] });
    if (!inThread.ok) throw new Error(inThread.report.message);
    expect(inThread.safeMode).toBeNull();
    expect(inThread.parsed.links.map((l) => l.target)).toEqual(['Still Indexed']);
    const pool = new ParsePool({ size: 1, parseBudgetMs: 5_000, onWarning: noWarnings });
    try {
      const [slow] = await pool.parse(settings(), [vp('Slow.md')]);
      expect(slow).toEqual(inThread);
    } finally {
      await pool.close();
    }
  });
});
