import fc from 'fast-check';
import type { FileEntry } from '../../../main/contract/api-contract';
import type { VaultPath } from '../../../main/core/types';
import { applyFilesEvent } from '../../../renderer/src/hooks/use-files';

const entry = (path: string, size = 1): FileEntry => ({
  path: path as VaultPath,
  kind: path.endsWith('.md') ? 'note' : 'attachment',
  title: path,
  size,
  mtimeMs: 0,
});

/** What the list was before the merge: the whole list sorted again, stably, by localeCompare. */
function resorted(files: FileEntry[], event: { added: FileEntry[]; removed: VaultPath[]; changed: FileEntry[] }): FileEntry[] {
  const drop = new Set([...event.removed, ...event.changed.map((f) => f.path), ...event.added.map((f) => f.path)]);
  return [...files.filter((f) => !drop.has(f.path)), ...event.added, ...event.changed].sort((a, b) => a.path.localeCompare(b.path));
}

// Names that sort differently by code unit and by locale (case, accents, digits, punctuation).
const name = fc.constantFrom('a', 'B', 'b', 'é', 'e', 'Z', '10', '2', 'note 1', 'Note 1', 'x/y', 'x-y', '_z', 'ß', 'ss');
const path = fc.tuple(name, name, fc.constantFrom('.md', '.png')).map(([a, b, ext]) => `${a}/${b}${ext}`);

describe('applyFilesEvent', () => {
  it('keeps the list in the order sorting it whole gives, merging only the batch in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(path, { maxLength: 30 }),
        fc.array(path, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (existing, added, removedAt, changedAt) => {
          const files = existing.map((p) => entry(p)).sort((a, b) => a.path.localeCompare(b.path));
          const removed = files.length ? removedAt.map((i) => files[i % files.length].path) : [];
          const changed = files.length ? changedAt.map((i) => entry(files[i % files.length].path, 2)) : [];
          const event = { type: 'files' as const, added: [...new Set(added)].map((p) => entry(p, 3)), removed, changed };
          expect(applyFilesEvent(files, event)).toEqual(resorted(files, event));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds, replaces and removes entries', () => {
    const files = [entry('a.md'), entry('b.md'), entry('c.md')];
    const next = applyFilesEvent(files, { type: 'files', added: [entry('B2.md')], removed: ['a.md' as VaultPath], changed: [entry('c.md', 9)] });
    expect(next.map((f) => [f.path, f.size])).toEqual([
      ['b.md', 1],
      ['B2.md', 1],
      ['c.md', 9],
    ]);
  });
});
