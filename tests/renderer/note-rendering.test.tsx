import './setup';
import { screen, waitFor, within, fireEvent } from '@testing-library/react';
import { renderApp, sampleVault } from './render-app';
import { vp } from '../support/vault-path';

const hashFor = (path: string) => `#/note/${encodeURIComponent(path)}`;

test('wiki links become <a> with note hrefs; unresolved links are marked', async () => {
  const { inNote } = renderApp(sampleVault, hashFor('Welcome.md'));
  const ideas = await inNote().findByRole('link', { name: 'Ideas' });
  await waitFor(() => expect(ideas).toHaveAttribute('href', '#/note/Ideas.md'));
  expect(ideas).not.toHaveClass('is-unresolved');
  const goals = inNote().getByRole('link', { name: 'the goals' });
  await waitFor(() => expect(goals).toHaveAttribute('href', `#/note/${encodeURIComponent('Projects/Plexus.md')}#Goals`));
  const missing = inNote().getByRole('link', { name: 'Missing Note' });
  await waitFor(() => expect(missing).toHaveClass('is-unresolved'));
});

test('headings and blocks get ids; frontmatter is a properties table, not text', async () => {
  const { note, inNote } = renderApp(sampleVault, hashFor('Welcome.md'));
  await inNote().findByRole('heading', { name: 'Details' });
  expect(note().querySelector('#h-details')).not.toBeNull();
  const block = note().querySelector('#block-abc123');
  expect(block).not.toBeNull();
  expect(block!.textContent).not.toContain('^abc123');
  const props = inNote().getByRole('table', { name: 'Properties' });
  expect(within(props).getByRole('button', { name: 'Search for tag #start' })).toHaveTextContent('#start');
  expect(within(props).getByText('aliases')).toBeInTheDocument();
  expect(note().textContent).not.toContain('tags: [start');
});

test('code blocks are highlighted with hljs classes', async () => {
  const { note } = renderApp(sampleVault, hashFor('Ideas.md'));
  await waitFor(() => expect(note().querySelector('pre code')).not.toBeNull());
  const code = note().querySelector('pre code');
  expect(code).toHaveClass('hljs');
  expect(code).toHaveClass('language-ts');
  expect(code!.querySelector('.hljs-keyword')).not.toBeNull();
});

test('raw HTML and dangerous links never reach the DOM as live content', async () => {
  const evil = [
    '# Evil',
    '',
    '<img src=x onerror=alert(1)>',
    '',
    '<script>alert(1)</script>',
    '',
    '<iframe src="https://example.com"></iframe>',
    '',
    '<div style="position:fixed;inset:0" onclick="alert(1)">overlay</div>',
    '',
    '[x](javascript:alert(1)) [y](data:text/html,hi) [z](vbscript:msgbox) [ok](https://example.com)',
    '',
  ].join('\n');
  const { note, inNote } = renderApp({ notes: { 'Evil.md': evil } }, hashFor('Evil.md'));
  await waitFor(() => expect(note().querySelector('.markdown-body')).not.toBeNull());
  const root = note();
  expect(root.querySelector('script, iframe, object, embed')).toBeNull();
  expect(root.querySelector('img')).toBeNull();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on')).toBe(false);
      expect(attr.name).not.toBe('style');
    }
  }
  const hrefs = Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? '');
  expect(hrefs.filter((h) => /^(javascript|data|vbscript):/i.test(h))).toEqual([]);
  expect(inNote().queryByRole('link', { name: 'x' })).toBeNull();
  // The raw HTML is visible as inert text rather than silently dropped.
  expect(root.textContent).toContain('<script>alert(1)</script>');
  // External links leave the app window alone: in browser mode (no Electron preload here) they
  // open in a new tab; tests/renderer/external-link.test.tsx covers both hosts.
  const ok = inNote().getByRole('link', { name: /ok/ });
  expect(ok).toHaveAttribute('href', 'https://example.com');
  expect(ok).toHaveAttribute('target', '_blank');
  expect(ok).toHaveAttribute('rel', 'noopener noreferrer');
});

test('image and note embeds render (note section transcluded, image as data URL)', async () => {
  const notes = {
    'Host.md': '# Host\n\n![[pic.png]]\n\n![[Source#Part B]]\n\n![[Host]]\n',
    'Source.md': '# Source\n\n## Part A\n\nalpha text\n\n## Part B\n\nbeta text\n',
  };
  const { note, inNote } = renderApp({ notes, attachments: sampleVault.attachments }, hashFor('Host.md'));
  const img = await inNote().findByRole('img', { name: 'pic.png' });
  expect(img.getAttribute('src')).toMatch(/^data:image\/png/);
  await waitFor(() => expect(note().textContent).toContain('beta text'));
  expect(note().textContent).not.toContain('alpha text');
  // A note embedding itself does not recurse.
  await waitFor(() => expect(note().textContent).toContain('embeds itself'));
});

test('clicking an unresolved link offers to create it, and shows a read-only failure', async () => {
  const { inNote } = renderApp({ ...sampleVault, readOnly: true }, hashFor('Welcome.md'));
  const missing = await inNote().findByRole('link', { name: 'Missing Note' });
  await waitFor(() => expect(missing).toHaveClass('is-unresolved'));
  fireEvent.click(missing);
  const dialog = await screen.findByRole('dialog', { name: 'Create note' });
  expect(within(dialog).getByText('Missing Note.md')).toBeInTheDocument();
  fireEvent.click(within(dialog).getByRole('button', { name: 'Create note' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('read-only');
});

test('creating an unresolved note opens it', async () => {
  const { inNote, fake } = renderApp(sampleVault, hashFor('Welcome.md'));
  const missing = await inNote().findByRole('link', { name: 'Missing Note' });
  await waitFor(() => expect(missing).toHaveClass('is-unresolved'));
  fireEvent.click(missing);
  fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Create note' }));
  await waitFor(() => expect(window.location.hash).toBe(hashFor('Missing Note.md')));
  expect(fake.notes.has(vp('Missing Note.md'))).toBe(true);
});
