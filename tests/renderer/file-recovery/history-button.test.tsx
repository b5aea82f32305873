import '../setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NoteVersion } from '../../../main/contract/api-contract';
import { renderWith, vault } from '../note-actions/render-with';

const version = (id: string, reason: NoteVersion['reason'], time: number): NoteVersion => ({ id, path: 'Welcome.md', time, size: 12, hash: 'a'.repeat(64), reason });

test('the note header has History; it opens File recovery with the versions newest first, and Restore restores the chosen one', async () => {
  const { fake, inNote, calls } = renderWith(vault, '#/note/Welcome.md');
  fake.versions.set('Welcome.md', [
    { version: version('b-00000002', 'external-change', Date.UTC(2026, 0, 2)), content: '# Welcome\n\nmy edit\n' },
    { version: version('a-00000001', 'first-read', Date.UTC(2026, 0, 1)), content: '# Welcome\n\nfirst\n' },
  ]);
  const actions = await inNote().findByRole('group', { name: 'Note actions' });
  fireEvent.click(within(actions).getByRole('button', { name: 'History' }));
  const dialog = await screen.findByRole('dialog', { name: 'File recovery' });
  const items = within(within(dialog).getByRole('list', { name: 'Versions, newest first' })).getAllByRole('button');
  expect(items.map((b) => b.textContent)).toEqual([expect.stringMatching(/Changed by another program12 B/), expect.stringMatching(/As opened, before editing here/)]);
  expect(items[0]).toHaveAttribute('aria-pressed', 'true');
  fireEvent.click(items[1]);
  await within(dialog).findByText(/\+ first/);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
  await within(dialog).findByText(/Restored the version from/);
  expect(calls('restoreVersion')).toEqual([['Welcome.md', 'a-00000001', 'h' + fake.notes.get('Welcome.md')!.length.toString()].map((x, i) => (i === 2 ? expect.any(String) : x))]);
  expect(fake.notes.get('Welcome.md')).toBe('# Welcome\n\nfirst\n');
  fireEvent.keyDown(dialog, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});

test('a read-only vault still has History, with Restore disabled', async () => {
  const { fake, inNote } = renderWith({ ...vault, readOnly: true }, '#/note/Welcome.md');
  fake.versions.set('Welcome.md', [{ version: version('a-00000001', 'before-save', 1), content: 'old' }]);
  const actions = await inNote().findByRole('group', { name: 'Note actions' });
  fireEvent.click(within(actions).getByRole('button', { name: 'History' }));
  const dialog = await screen.findByRole('dialog', { name: 'File recovery' });
  await within(dialog).findByLabelText('Differences: now (−) and this version (+)');
  expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeDisabled();
  expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeEnabled();
});
