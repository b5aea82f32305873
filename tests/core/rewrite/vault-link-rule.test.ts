/** The planner with the vault's real link rule (not the test stand-in) on the cases that matter most. */
import { applyEdits } from '../../../main/core/rewrite/apply-edits';
import { planRenameEdits } from '../../../main/core/rewrite/plan-rename-edits';
import { vaultRewriteDeps } from '../../../main/core/rewrite/vault-link-rule';
import { vp } from '../../support/vault-path';
import { graphOf } from './rewrite-harness';

function rename(notes: Record<string, string>, from: string, to: string, attachments: string[] = []) {
  const plan = planRenameEdits(graphOf(notes, attachments), (p) => notes[p], vp(from), vp(to), vaultRewriteDeps);
  return Object.fromEntries(plan.notes.map((n) => [n.newPath, applyEdits(n.text, n.edits)]));
}

test.each([
  [
    'renamed bare name, case-insensitive',
    { 'AI/Transformer.md': '', 'S.md': '[[transformer|x]] ![[Transformer#H]]' },
    'AI/Transformer.md',
    'AI/New Name.md',
    { 'S.md': '[[New Name|x]] ![[New Name#H]]' },
  ],
  ['move keeps a bare name', { 'AI/Transformer.md': '', 'S.md': '[[Transformer]]' }, 'AI/Transformer.md', 'B/Transformer.md', {}],
  [
    'ambiguity forces a path',
    { 'AI/Transformer.md': '', 'X/Attention.md': '', 'S.md': '[[Transformer]]' },
    'AI/Transformer.md',
    'AI/Attention.md',
    { 'S.md': '[[AI/Attention]]' },
  ],
  [
    'markdown relative with spaces',
    { 'A/My Note.md': '', 'B/S.md': '[x](../A/My%20Note.md)' },
    'A/My Note.md',
    'C/Your Note.md',
    { 'B/S.md': '[x](../C/Your%20Note.md)' },
  ],
  [
    'own relative links after a move',
    { 'A/N.md': '![p](pic.png) [o](../B/O.md)', 'B/O.md': '' },
    'A/N.md',
    'X/Y/N.md',
    { 'X/Y/N.md': '![p](../../A/pic.png) [o](../../B/O.md)' },
  ],
] as const)('%s', (_n, notes, from, to, expected) => {
  expect(rename({ ...notes }, from, to, ['A/pic.png'])).toEqual(expected);
});
