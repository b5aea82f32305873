import './setup';
import { screen, waitFor } from '@testing-library/react';
import { renderApp } from './render-app';

const hashFor = (path: string) => `#/note/${encodeURIComponent(path)}`;
const vault = {
  notes: {
    'Slow.md': '# Slow heading\n\nSee [[Other]] and **bold** text.\n',
    'Other.md': '# Other\n\nPlain **bold** note.\n',
  },
  safeMode: { 'Slow.md': 'parsing took longer than the 2000 ms budget' },
};

test('a note parsed in safe mode says so, with why, and is shown as plain text', async () => {
  const { note, inNote } = renderApp(vault, hashFor('Slow.md'));
  const notice = await inNote().findByRole('note', { name: 'Parsed in safe mode' });
  expect(notice).toHaveTextContent('Parsed in safe mode.');
  expect(notice).toHaveTextContent('parsing took longer than the 2000 ms budget');
  expect(notice).toHaveTextContent('shown here unformatted');
  const plain = note().querySelector('pre.note-plain-text');
  expect(plain?.textContent).toBe(vault.notes['Slow.md']);
  // Not rendered as markdown: no heading element, no bold, no link.
  expect(note().querySelector('.markdown-body')).toBeNull();
  expect(inNote().queryByRole('heading', { name: 'Slow heading' })).toBeNull();
  expect(note().querySelector('strong:not(.safe-mode-notice strong)')).toBeNull();
});

test('a note parsed in full has no safe-mode notice', async () => {
  const { note, inNote } = renderApp(vault, hashFor('Other.md'));
  await waitFor(() => expect(note().querySelector('.markdown-body')).not.toBeNull());
  expect(inNote().queryByRole('note', { name: 'Parsed in safe mode' })).toBeNull();
  expect(screen.queryByText(/Parsed in safe mode/)).toBeNull();
});
