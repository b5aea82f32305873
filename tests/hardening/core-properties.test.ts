/**
 * Property tests for what the parse tests do not already cover (tests/core/parse has the
 * parser's never-throw and pathological-input cases): the resolver and the rename rewriter
 * never throw on any string, and the parser's time grows linearly on pathological input.
 */
import fc from 'fast-check';
import { parseNote } from '../../main/core/parse/parse-note';
import { FileIndex } from '../../main/core/resolve/file-index';
import { resolveLinkTarget } from '../../main/core/resolve/resolve-link';
import { planRenameEdits } from '../../main/core/rewrite/plan-rename-edits';
import { applyEdits } from '../../main/core/rewrite/apply-edits';
import { vaultRewriteDeps } from '../../main/core/rewrite/vault-link-rule';
import { growthRatio } from '../core/parse/growth-ratio';
import { vp } from '../support/vault-path';
import type { VaultPath } from '../../main/core/types';

const FILES = ['A.md', 'sub/B.md', 'sub/deep/C.md', 'img/pic.png', 'A (copy).md', 'a.md'];
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom('../../etc/passwd', '/etc/passwd', '..\\..\\x', '%2e%2e/', 'C:\\x', '\\\\srv\\s', '#^', '#', '|', '', '\u0000', '%', '%E0%A4%A'),
);

test('resolveLinkTarget never throws, and only ever resolves to a file in the index', () => {
  const index = new FileIndex();
  for (const f of FILES) index.add(vp(f));
  fc.assert(
    fc.property(fc.constantFrom(...FILES), fc.constantFrom('wiki', 'markdown'), hostileText, (from, kind, target) => {
      const result = resolveLinkTarget(index, vp(from), kind as 'wiki' | 'markdown', target);
      if (result.resolved !== null) expect(FILES).toContain(result.resolved);
    }),
    { numRuns: 2000 },
  );
});

test('rename planning and applying never throw on arbitrary note text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
      const notes: Record<string, string> = { 'A.md': `${a}\n[[sub/B]] [x](sub/B.md)`, 'sub/B.md': `${b}\n[[A]]` };
      const graph = { notePaths: () => Object.keys(notes).map(vp), attachmentPaths: () => [], getNote: (p: VaultPath) => parseNote(p, notes[p]) };
      const plan = planRenameEdits(graph, (p) => notes[p], vp('sub/B.md'), vp('moved/B 2.md'), vaultRewriteDeps);
      for (const n of plan.notes) expect(typeof applyEdits(n.text, n.edits)).toBe('string');
    }),
    { numRuns: 500 },
  );
});

test.each([
  ['[', (n: number) => '['.repeat(n)],
  // Line i is indented 2i, so L levels are ~L² characters: L = sqrt(n) keeps the size ~n.
  ['nested list levels', (n: number) => Array.from({ length: Math.round(Math.sqrt(n)) }, (_, i) => `${' '.repeat(i * 2)}- [[L${i}]]`).join('\n')],
  ['blockquote depth', (n: number) => `${'>'.repeat(n / 10)} [[deep]]\n`],
  ['single line', (n: number) => 'word [[Link]] #tag `code` '.repeat(n / 25)],
])('parseNote time grows linearly on %s', (_name, build) => {
  // 4x the input: linear is ~4x, quadratic ~16x. CPU time, best of several batches after a
  // warm-up (growth-ratio.ts), so a loaded machine does not decide the answer.
  const { ratio } = growthRatio((text) => parseNote(vp('p.md'), text), build, 200_000, 8);
  expect(ratio).toBeLessThan(8);
});
