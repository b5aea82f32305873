/** Remote images (off by default, "Load image", the setting) and properties by type. */
import '../setup';
import { act, cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { renderApp } from '../render-app';
import { setReadingSetting } from '../../../renderer/src/settings/settings-store';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

test('remote images are placeholders by default; "Load image" loads that one image only', () => {
  const { body, getAllByRole } = renderMarkdown('![a cat|200](https://example.com/cat.png) and ![](https://example.com/dog.png)');
  expect(body().querySelector('img')).toBeNull();
  const placeholders = body().querySelectorAll('.remote-image-placeholder');
  expect(placeholders).toHaveLength(2);
  expect(placeholders[0].textContent).toContain('a cat');
  expect(placeholders[0].textContent).toContain('example.com');
  fireEvent.click(getAllByRole('button', { name: 'Load image' })[0]);
  const imgs = body().querySelectorAll('img.remote-image');
  expect(imgs).toHaveLength(1);
  expect(imgs[0].getAttribute('src')).toBe('https://example.com/cat.png');
  expect(imgs[0].getAttribute('width')).toBe('200');
  expect(imgs[0].getAttribute('alt')).toBe('a cat');
  expect(imgs[0].getAttribute('referrerpolicy')).toBe('no-referrer');
});

test('"Load remote images" loads them all, in open views too', () => {
  const { body } = renderMarkdown('![x](https://example.com/x.png) <img src="https://example.com/y.png">');
  expect(body().querySelector('img')).toBeNull();
  act(() => setReadingSetting('loadRemoteImages', true));
  expect(Array.from(body().querySelectorAll('img.remote-image')).map((i) => i.getAttribute('src'))).toEqual([
    'https://example.com/x.png',
    'https://example.com/y.png',
  ]);
});

test('hover previews never load remote images and offer no button, unless the setting is on', () => {
  const preview = renderMarkdown('![x](https://example.com/x.png)', { preview: true });
  expect(preview.body().querySelector('.remote-image-placeholder')).not.toBeNull();
  expect(preview.body().querySelector('button, img')).toBeNull();
  act(() => setReadingSetting('loadRemoteImages', true));
  expect(preview.body().querySelector('img.remote-image')).not.toBeNull();
});

test('properties by type: links clickable, dates, lists, checkboxes, numbers, empty', async () => {
  const note =
    '---\nrelated: "[[Ideas]] and [[Missing|gone]]"\nsite: https://example.com/page\ndue: 2024-03-05\ndone: true\nopen: false\ncount: 3\nitems: [one, "[[Ideas]]"]\nnothing:\ntags: [a]\n---\n# Note\n';
  const app = renderApp({ notes: { 'Note.md': note, 'Ideas.md': '# Ideas' } }, '#/note/Note.md');
  const table = await app.inNote().findByRole('table', { name: 'Properties' });
  const row = (key: string) => within(table).getByText(key).closest('tr')!.querySelector('td')!;
  const ideas = await within(row('related')).findByRole('link', { name: 'Ideas' });
  await waitFor(() => expect(ideas).toHaveAttribute('href', '#/note/Ideas.md'));
  await waitFor(() => expect(within(row('related')).getByRole('link', { name: 'gone' })).toHaveClass('is-unresolved'));
  expect(within(row('site')).getByRole('link', { name: 'https://example.com/page' })).toHaveAttribute('href', 'https://example.com/page');
  expect(row('due').querySelector('time')!.getAttribute('dateTime')).toBe('2024-03-05');
  const done = row('done').querySelector('input[type=checkbox]') as HTMLInputElement;
  expect(done.checked).toBe(true);
  expect(done.disabled).toBe(true);
  expect((row('open').querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(false);
  expect(row('count').textContent).toBe('3');
  expect(Array.from(row('items').querySelectorAll('.chip')).map((c) => c.textContent)).toEqual(['one', 'Ideas']);
  expect(row('items').querySelector('a.internal-link')).not.toBeNull();
  expect(row('nothing').textContent).toBe('Empty');
});
