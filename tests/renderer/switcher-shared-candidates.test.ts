/** The switcher's candidates (their lower-cased texts) are built once for the same notes and attachments, not on every open. */
import type { SwitcherItem } from '../../main/contract/api-contract';
import { fileRows, sharedSwitcherCandidates, switcherCandidates } from '../../renderer/src/components/quick-switcher-rows';
import { vp } from '../support/vault-path';

const note = (path: string, aliases: string[] = []) => ({ path, title: path.replace(/\.md$/, ''), aliases }) as unknown as SwitcherItem;

test('an open with the same notes and attachments (new arrays, same entries) reuses the candidates; a change builds them again', () => {
  const a = note('Alpha.md', ['First']);
  const b = note('Beta.md');
  const first = sharedSwitcherCandidates([a, b], [vp('img.png')]);
  expect(sharedSwitcherCandidates([a, b], [vp('img.png')])).toBe(first);
  const renamed = sharedSwitcherCandidates([a, note('Beta.md', ['Second'])], [vp('img.png')]);
  expect(renamed).not.toBe(first);
  expect(sharedSwitcherCandidates([a, b], [])).not.toBe(renamed);
});

test('a reused candidate list ranks a new query as a fresh one does, whatever the last open typed', () => {
  const notes = [note('Alpha.md', ['First']), note('Alpine.md'), note('Beta.md')];
  const shared = sharedSwitcherCandidates(notes, []);
  fileRows(notes, [], [], 'al', shared);
  fileRows(notes, [], [], 'alp', shared);
  // The next open types "a": not an extension of "alp", so it is ranked from scratch.
  expect(fileRows(notes, [], [], 'a', sharedSwitcherCandidates([...notes], []))).toEqual(fileRows(notes, [], [], 'a', switcherCandidates(notes, [])));
});
