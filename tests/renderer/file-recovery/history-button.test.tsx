import '../setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWith, vault } from '../note-actions/render-with';
import { vp } from '../../support/vault-path';

// The newest version holds the note's current text (12 bytes), so the store has it already and
// opening the vault keeps no further version of it.
const current = 'my edit here';

test('the note header has History; it opens File recovery with the versions newest first, and Restore restores the chosen one', async () => {
  const versions = {
    'Welcome.md': [
      { id: 'b-00000002', reason: 'external-change' as const, time: Date.UTC(2026, 0, 2), content: current },
      { id: 'a-00000001', reason: 'first-read' as const, time: Date.UTC(2026, 0, 1), content: '# Welcome\n\nfirst\n' },
    ],
  };
  const { fake, inNote, calls } = renderWith({ notes: { ...vault.notes, 'Welcome.md': current }, versions }, '#/note/Welcome.md');
  const actions = await inNote().findByRole('group', { name: 'Note actions' });
  fireEvent.click(within(actions).getByRole('button', { name: 'History' }));
  const dialog = await screen.findByRole('dialog', { name: 'File recovery' });
  const items = within(await within(dialog).findByRole('list', { name: 'Versions, newest first' })).getAllByRole('button');
  expect(items.map((b) => b.textContent)).toEqual([
    expect.stringMatching(/Changed by another program12 B/),
    expect.stringMatching(/As opened, before editing here/),
  ]);
  expect(items[0]).toHaveAttribute('aria-pressed', 'true');
  fireEvent.click(items[1]);
  await within(dialog).findByText(/\+ first/);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
  await within(dialog).findByText(/Restored the version from/);
  expect(calls('restoreVersion')).toEqual([
    ['Welcome.md', 'a-00000001', 'h' + fake.notes.get(vp('Welcome.md'))!.length.toString()].map((x, i) => (i === 2 ? expect.any(String) : x)),
  ]);
  expect(fake.notes.get(vp('Welcome.md'))).toBe('# Welcome\n\nfirst\n');
  fireEvent.keyDown(dialog, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});

test('a read-only vault still has History, with Restore disabled', async () => {
  const versions = { 'Welcome.md': [{ id: 'a-00000001', reason: 'before-save' as const, time: 1, content: 'old' }] };
  const { inNote } = renderWith({ ...vault, readOnly: true, versions }, '#/note/Welcome.md');
  const actions = await inNote().findByRole('group', { name: 'Note actions' });
  fireEvent.click(within(actions).getByRole('button', { name: 'History' }));
  const dialog = await screen.findByRole('dialog', { name: 'File recovery' });
  await within(dialog).findByLabelText('Differences: now (−) and this version (+)');
  expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeDisabled();
  expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeEnabled();
});
