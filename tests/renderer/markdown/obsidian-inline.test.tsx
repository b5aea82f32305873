/** Highlights, comments, footnotes and line breaks in the reading view: markdown in, DOM facts out. */
import '../setup';
import { cleanup, fireEvent } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { setReadingSetting } from '../../../renderer/src/settings/settings-store';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const marks = (el: HTMLElement) => Array.from(el.querySelectorAll('mark')).map((m) => m.innerHTML);

test.each([
  ['==hi==', ['hi']],
  ['a ==two words== b', ['two words']],
  ['==**bold** in it==', ['<strong>bold</strong> in it']],
  ['==one== and ==two==', ['one', 'two']],
  ['*==inside emphasis==*', ['inside emphasis']],
  ['a == b == c', []],
  ['`==code==`', []],
  ['==unclosed', []],
  ['x ==y==z', ['y']],
])('highlight %j', (markdown, expected) => {
  const { body } = renderMarkdown(markdown);
  expect(marks(body())).toEqual(expected);
  if (expected.length === 0) expect(body().textContent).toContain('==');
});

test.each([
  ['before %%hidden%% after', 'before  after', 'hidden'],
  ['a %%one%% b %%two%% c', 'a  b  c', 'one'],
  ['text\n\n%%\nblock comment\n\n- with [[Link]]\n%%\n\nafter', 'after', 'block comment'],
  ['visible %%open\n\nstill hidden', 'visible', 'still hidden'],
  ['`%%code%%` stays', '%%code%% stays', 'nothing'],
  ['```\n%%fenced%%\n```', '%%fenced%%', 'nothing'],
])('comment %j', (markdown, shown, hidden) => {
  const { body } = renderMarkdown(markdown);
  expect(body().textContent).toContain(shown);
  expect(body().textContent).not.toContain(hidden);
  expect(body().innerHTML).not.toMatch(/<p>\s*<\/p>/);
});

test('inline footnotes become numbered references with the text at the end, in order with the others', () => {
  const { body } = renderMarkdown('One^[first *inline*] two[^n] three^[with [brackets] inside].\n\n[^n]: named\n');
  const refs = Array.from(body().querySelectorAll('sup a'));
  expect(refs.map((a) => a.textContent)).toEqual(['1', '2', '3']);
  const items = Array.from(body().querySelectorAll('section.footnotes li')).map((li) => li.textContent!.replace('↩', '').trim());
  expect(items).toEqual(['first inline', 'named', 'with [brackets] inside']);
  expect(body().querySelector('section.footnotes li em')!.textContent).toBe('inline');
  expect(body().textContent).not.toContain('^[');
});

test('footnote references and back-references point at ids that exist, and clicking scrolls there', () => {
  const { body } = renderMarkdown('Text[^a] and more^[inline].\n\n[^a]: The note.\n');
  const scrolled: string[] = [];
  const original = Element.prototype.scrollIntoView;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this.id);
  };
  try {
    const links = Array.from(body().querySelectorAll<HTMLAnchorElement>('a[href^="#"]'));
    expect(links.length).toBe(4);
    for (const link of links) {
      const id = link.getAttribute('href')!.slice(1);
      const target = body().querySelector(`[id="${id}"]`) ?? body().querySelector(`[id="user-content-${id}"]`);
      expect(target).not.toBeNull();
      fireEvent.click(link);
      expect(scrolled[scrolled.length - 1]).toBe(target!.id);
    }
    // References carry their ids so the back-references have somewhere to go.
    expect(body().querySelectorAll('sup a[id]').length).toBe(2);
  } finally {
    Element.prototype.scrollIntoView = original;
  }
});

test.each([
  [false, 'line one\nline two', 1],
  [true, 'line one\nline two', 0],
  [false, 'para\n\nother', 0],
  [false, '- item one\n  continued', 1],
])('strict line breaks %s: %j has %i <br>', (strict, markdown, count) => {
  setReadingSetting('strictLineBreaks', strict);
  const { body } = renderMarkdown(markdown);
  expect(body().querySelectorAll('br').length).toBe(count);
});

test('changing the setting re-renders open views', async () => {
  const { body } = renderMarkdown('a\nb');
  expect(body().querySelectorAll('br').length).toBe(1);
  const { act } = await import('@testing-library/react');
  act(() => setReadingSetting('strictLineBreaks', true));
  expect(body().querySelectorAll('br').length).toBe(0);
});

test('GFM still works: tables, strikethrough, task lists, autolinks', () => {
  const { body } = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ https://example.com\n\n- [ ] todo\n- [x] done\n');
  expect(body().querySelectorAll('table td').length).toBe(2);
  expect(body().querySelector('del')!.textContent).toBe('gone');
  expect(body().querySelector('a[href="https://example.com"]')).not.toBeNull();
  expect(body().querySelectorAll('input[type="checkbox"]').length).toBe(2);
});

test('Settings → Editor switches strict line breaks in the open note and stores it for the vault', async () => {
  const { renderApp } = await import('../render-app');
  const { screen, waitFor } = await import('@testing-library/react');
  const app = renderApp({ notes: { 'A.md': 'one\ntwo\n' } }, '#/note/A.md');
  await waitFor(() => expect(app.note().querySelectorAll('.markdown-body br').length).toBe(1));
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  fireEvent.click(screen.getByRole('switch', { name: 'Strict line breaks' }));
  await waitFor(() => expect(app.note().querySelectorAll('.markdown-body br').length).toBe(0));
  expect(JSON.parse(window.localStorage.getItem('plexus.settings:/Test Vault')!)).toMatchObject({ strictLineBreaks: true });
});
