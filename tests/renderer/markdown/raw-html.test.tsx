/** The note's own HTML: an explicit allow-list through rehype-raw and sanitize; the rest is inert text. */
import '../setup';
import { cleanup, waitFor } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { auditDom } from '../hardening/dom-audit';

afterEach(cleanup);

test.each([
  ['<details><summary>More</summary>\n\nHidden **body**\n\n</details>', 'details > summary', 'More'],
  ['Press <kbd>Ctrl</kbd>+<kbd>K</kbd>', 'kbd', 'Ctrl'],
  ['H<sub>2</sub>O', 'sub', '2'],
  ['x<sup>2</sup>', 'sup', '2'],
  ['<mark>marked</mark>', 'mark', 'marked'],
  ['<u>under</u>', 'u', 'under'],
  ['a<br>b', 'br', ''],
  ['<hr>', 'hr', ''],
  ['<div class="note-box">boxed</div>', 'div.user-note-box', 'boxed'],
  ['<span class="red big">red</span>', 'span.user-red.user-big', 'red'],
])('%j renders as %s', (markdown, selector, text) => {
  const { body } = renderMarkdown(markdown);
  const el = body().querySelector(selector);
  expect(el).not.toBeNull();
  expect(el!.textContent).toBe(el!.tagName === 'DETAILS' ? expect.anything() : text);
  expect(body().querySelector('.raw-html')).toBeNull();
  expect(auditDom(body())).toEqual([]);
});

test('details keep markdown inside, and open', () => {
  const { body } = renderMarkdown('<details open><summary>S</summary>\n\nbody **bold**\n\n</details>\n');
  const details = body().querySelector('details') as HTMLDetailsElement;
  expect(details.open).toBe(true);
  expect(details.querySelector('strong')!.textContent).toBe('bold');
});

test.each([
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['<iframe src="https://example.com"></iframe>', '<iframe src="https://example.com"></iframe>'],
  ['<style>body{display:none}</style>', '<style>body{display:none}</style>'],
  ['<object data="x"></object>', '<object data="x"></object>'],
  ['text <form action="x"><button>go</button></form>', '<form action="x"><button>go</button></form>'],
])('%j is shown as literal text, never as an element', (markdown, literal) => {
  const { body } = renderMarkdown(markdown);
  expect(body().querySelector('script, iframe, style, object, form, button')).toBeNull();
  expect(body().querySelector('.raw-html')!.textContent).toBe(literal);
});

test('handlers, styles, forged classes and data attributes are stripped from allowed tags', () => {
  const { body } = renderMarkdown(
    '<div class="backdrop" style="position:fixed;inset:0" onclick="alert(1)" data-target="X">x</div>\n\n<span class="plexus-embed internal-link" data-target="Hub">y</span>\n',
  );
  const div = body().querySelector('div.user-backdrop')!;
  expect(div.getAttribute('style')).toBeNull();
  expect(div.getAttribute('onclick')).toBeNull();
  expect(div.hasAttribute('data-target')).toBe(false);
  expect(body().querySelector('.backdrop, .plexus-embed, .internal-link, .embed')).toBeNull();
  expect(auditDom(body())).toEqual([]);
});

test('an HTML img with a vault source shows the vault image; handlers are gone', async () => {
  const { body } = renderMarkdown('<img src="pic.png" width="50" onerror="alert(1)">', {
    vault: { notes: {}, attachments: { 'pic.png': 'data:image/png;base64,iVBORw0KGgo=' } },
  });
  const img = await waitFor(() => {
    const found = body().querySelector('img.embed-image');
    expect(found).not.toBeNull();
    return found!;
  });
  expect(img.getAttribute('src')).toMatch(/^data:image\/png/);
  expect(img.getAttribute('onerror')).toBeNull();
});

test('HTML links to vault files are not followed (the index holds none); external ones are', async () => {
  const { body } = renderMarkdown('<a href="Note.md">note</a> and <a href="https://example.com">web</a>', { vault: { notes: { 'Note.md': '# Note' } } });
  expect(body().querySelector('a.internal-link')).toBeNull();
  expect(body().querySelector('.link-blocked')!.textContent).toBe('note');
  expect(body().querySelector('a[href="https://example.com"]')).not.toBeNull();
});

test('a note without HTML never goes through rehype-raw, and renders the same', () => {
  const { body } = renderMarkdown('# T\n\n[[Note]] ![[pic.png]] - [ ] task\n');
  expect(body().querySelector('a.internal-link')).not.toBeNull();
});
