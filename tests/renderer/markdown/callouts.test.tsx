/** Obsidian callouts in the reading view: markdown in, DOM facts out. */
import '../setup';
import { cleanup, fireEvent } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { setReadingSetting } from '../../../renderer/src/settings/settings-store';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const TYPES: [written: string, kind: string][] = [
  ['note', 'note'],
  ['abstract', 'abstract'],
  ['summary', 'abstract'],
  ['tldr', 'abstract'],
  ['info', 'info'],
  ['todo', 'todo'],
  ['tip', 'tip'],
  ['hint', 'tip'],
  ['important', 'tip'],
  ['success', 'success'],
  ['check', 'success'],
  ['done', 'success'],
  ['question', 'question'],
  ['help', 'question'],
  ['faq', 'question'],
  ['warning', 'warning'],
  ['caution', 'warning'],
  ['attention', 'warning'],
  ['failure', 'failure'],
  ['fail', 'failure'],
  ['missing', 'failure'],
  ['danger', 'danger'],
  ['error', 'danger'],
  ['bug', 'bug'],
  ['example', 'example'],
  ['quote', 'quote'],
  ['cite', 'quote'],
  ['my-custom', 'note'],
  ['WARNING', 'warning'],
];

describe.each([false, true])('strict line breaks %s', (strict) => {
  beforeEach(() => setReadingSetting('strictLineBreaks', strict));
  test.each(TYPES)('[!%s] is a %s callout with the type as its default title', (written, kind) => {
    const { body } = renderMarkdown(`> [!${written}]\n> Body text`, {});
    const callout = body().querySelector('.callout')!;
    expect(callout).not.toBeNull();
    expect(callout.tagName).toBe('DIV');
    expect(callout.getAttribute('data-callout')).toBe(written.toLowerCase());
    expect(callout.getAttribute('data-callout-kind')).toBe(kind);
    expect(callout.querySelector('.callout-title-inner')!.textContent).toBe(written.charAt(0).toUpperCase() + written.slice(1).toLowerCase());
    expect(callout.querySelector('.callout-content')!.textContent!.trim()).toBe('Body text');
    expect(body().querySelector('blockquote')).toBeNull();
    expect(body().textContent).not.toContain('[!');
    // Icons are CSS, never SVG elements.
    expect(body().querySelector('svg')).toBeNull();
    expect(callout.querySelector('.callout-icon')).not.toBeNull();
  });
});

test.each([
  ['> [!tip] My **own** title\n> body', 'My own title', 'body'],
  ['> [!info] Title only', 'Title only', ''],
  ['> [!info]\n> para one\n>\n> para two', 'Info', 'para one\npara two'],
])('titles and bodies: %j', (markdown, title, content) => {
  const { body } = renderMarkdown(markdown);
  expect(body().querySelector('.callout-title-inner')!.textContent).toBe(title);
  expect(body().querySelector('.callout-title-inner strong')?.textContent ?? null).toBe(markdown.includes('**') ? 'own' : null);
  const paragraphs = Array.from(body().querySelectorAll('.callout-content p')).map((p) => p.textContent!.trim());
  expect(paragraphs.join('\n')).toBe(content);
});

test.each([
  ['-', false],
  ['+', true],
])('[!faq]%s is a <details> (open: %s) whose <summary> toggles it', (fold, open) => {
  const { body } = renderMarkdown(`> [!faq]${fold} Are callouts foldable?\n> Yes.`);
  const details = body().querySelector('details.callout') as HTMLDetailsElement;
  expect(details).not.toBeNull();
  expect(details.open).toBe(open);
  expect(details.getAttribute('data-callout-fold')).toBe(fold);
  const summary = details.querySelector(':scope > summary.callout-title')!;
  expect(summary.textContent).toBe('Are callouts foldable?');
  expect(details.querySelector('.callout-content')!.textContent!.trim()).toBe('Yes.');
  fireEvent.click(summary);
  expect(details.open).toBe(!open);
});

test('nested callouts and callouts inside lists', () => {
  const { body } = renderMarkdown('> [!note] Outer\n> text\n> > [!warning] Inner\n> > inner text\n\n- item\n  > [!tip] In a list\n  > tip text\n');
  const outer = body().querySelector(':scope > .callout[data-callout="note"]')!;
  const inner = outer.querySelector('.callout-content > .callout[data-callout="warning"]')!;
  expect(inner.querySelector('.callout-title-inner')!.textContent).toBe('Inner');
  expect(inner.querySelector('.callout-content')!.textContent!.trim()).toBe('inner text');
  const inList = body().querySelector('li .callout[data-callout="tip"]')!;
  expect(inList.querySelector('.callout-title-inner')!.textContent).toBe('In a list');
});

test.each([
  ['> plain quote', 'plain quote'],
  ['> text [!note] later', 'text [!note] later'],
  ['> [!]\n> not a type', '[!]'],
])('a quote that is not a callout stays a quote: %j', (markdown, text) => {
  const { body } = renderMarkdown(markdown);
  expect(body().querySelector('.callout')).toBeNull();
  expect(body().querySelector('blockquote')!.textContent).toContain(text);
});

test('callouts, math and highlights render inside note embeds and hover previews too', async () => {
  const { renderApp } = await import('../render-app');
  const { screen, waitFor, act } = await import('@testing-library/react');
  const source = '# Source\n\n> [!tip] Embedded tip\n> with $x^2$ and ==mark==\n';
  const app = renderApp({ notes: { 'Host.md': '# Host\n\n![[Source]]\n\nSee [[Source|the source]].\n', 'Source.md': source } }, '#/note/Host.md');
  // The embed reads its note and draws math: slow on a loaded machine, so more than waitFor's default second.
  await waitFor(() => expect(app.note().querySelector('.embed-note .callout[data-callout="tip"]')).not.toBeNull(), { timeout: 10_000 });
  const embed = app.note().querySelector('.embed-note')!;
  expect(embed.querySelector('.katex')).not.toBeNull();
  expect(embed.querySelector('mark')!.textContent).toBe('mark');
  const link = await app.inNote().findByRole('link', { name: 'the source' });
  await waitFor(() => expect(link).toHaveAttribute('href', '#/note/Source.md'));
  fireEvent.mouseEnter(link);
  await act(() => new Promise((resolve) => setTimeout(resolve, 450)));
  const preview = await screen.findByRole('tooltip');
  await waitFor(() => expect(preview.querySelector('.callout[data-callout="tip"] .katex')).not.toBeNull(), { timeout: 10_000 });
});
