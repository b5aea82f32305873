import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, sampleVault, showSidebarView } from './render-app';

test('backlinks are grouped by note with context snippets and a count', async () => {
  renderApp(sampleVault, '#/note/Welcome.md');
  const backlinks = screen.getByRole('complementary', { name: 'Backlinks' });
  const ideas = await within(backlinks).findByRole('link', { name: 'Ideas' });
  expect(ideas).toHaveAttribute('href', '#/note/Ideas.md');
  expect(within(backlinks).getByRole('link', { name: 'Plexus' })).toBeInTheDocument();
  // Readable text: the wiki link shows as its title, marked as the link to this note.
  const snippet = within(backlinks).getByTitle('Line 3');
  expect(snippet).toHaveTextContent('Back to Welcome. Also mention Welcome here.');
  expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Welcome']);
  expect(within(backlinks).getByRole('heading')).toHaveTextContent('Backlinks 2');
});

test('outgoing links distinguish resolved from unresolved; tags search on click', async () => {
  renderApp(sampleVault, '#/note/Welcome.md');
  showSidebarView('Outgoing');
  const outgoing = screen.getByRole('region', { name: 'Outgoing links' });
  expect(await within(outgoing).findByRole('link', { name: 'Ideas' })).toBeInTheDocument();
  expect(within(outgoing).getByText(/Missing Note/)).toHaveClass('unresolved-item');
  expect(within(outgoing).queryByRole('link', { name: /Missing Note/ })).toBeNull();

  const tags = screen.getByRole('region', { name: 'Tags' });
  fireEvent.click(await within(tags).findByRole('button', { name: 'Search for tag #intro' }));
  expect(await screen.findByRole('searchbox', { name: 'Search the vault' })).toHaveValue('tag:#intro');
});

test('unlinked mentions list notes that name this note without linking it', async () => {
  renderApp({ notes: { 'Alpha.md': '# Alpha\n', 'Beta.md': 'I think about Alpha a lot.\n' } }, '#/note/Alpha.md');
  const panel = screen.getByRole('region', { name: 'Unlinked mentions' });
  const snippet = await within(panel).findByText((_, el) => el?.classList.contains('snippet') === true);
  expect(snippet).toHaveTextContent('I think about Alpha a lot.');
  expect(snippet.querySelector('mark')).toHaveTextContent('Alpha');
  await waitFor(() => expect(within(panel).getByRole('link', { name: 'Beta' })).toHaveAttribute('href', '#/note/Beta.md'));
});

test('inline #tags in the note are links that open a tag search (code is left alone)', async () => {
  const { inNote } = renderApp({ notes: { 'T.md': 'Filed under #research/ai here, not `#code`.\n' } }, '#/note/T.md');
  const tag = await inNote().findByRole('link', { name: 'Search for tag #research/ai' });
  expect(tag).toHaveTextContent('#research/ai');
  expect(inNote().getByText('#code').tagName).toBe('CODE');
  fireEvent.click(tag);
  expect(await screen.findByRole('searchbox', { name: 'Search the vault' })).toHaveValue('tag:#research/ai');
});
