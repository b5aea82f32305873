/**
 * Huge and deeply nested notes through the renderer's markdown pipeline: it must finish, not
 * overflow the stack, and stay inert. Runs in node (the pipeline is pure unified/hast).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Element, Root } from 'hast';
import { markdownToHast } from '../../renderer/src/markdown/pipeline';
import { generatedNotes } from './hostile-vault';

function walk(node: Root | Element, visit: (el: Element) => void): void {
  // Iterative: the tree for 10k nested blockquotes is deeper than a recursive walk can go.
  const stack: (Root | Element)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const child of current.children) {
      if (child.type === 'element') {
        visit(child);
        stack.push(child);
      }
    }
  }
}

describe.each(Object.entries(generatedNotes()))('%s', (_path, text) => {
  test('renders within a few seconds and stays inert', () => {
    const started = Date.now();
    const { hast } = markdownToHast(text);
    // Linear but slow for 100k '[' (micromark label starts): generous for 2-core CI.
    expect(Date.now() - started).toBeLessThan(30_000);
    walk(hast, (el) => {
      expect(['script', 'iframe', 'style', 'img', 'object', 'embed']).not.toContain(el.tagName);
      for (const key of Object.keys(el.properties ?? {})) expect(key.toLowerCase().startsWith('on')).toBe(false);
    });
  });
});

test('pathologically deep notes are shown as plain text instead of hanging or overflowing', () => {
  for (const path of ['huge/nested-quotes.md', 'huge/nested-list.md']) {
    const started = Date.now();
    const { hast } = markdownToHast(generatedNotes()[path]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(hast.children.map((c) => (c.type === 'element' ? c.tagName : c.type))).toEqual(['p', 'pre']);
  }
});

test('ordinary nesting (20 list levels, 10 quote levels, long rules) still renders as markdown', () => {
  const list = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
  const text = `${list}\n\n${'> '.repeat(10)}quoted\n\n${'-'.repeat(400)}\n`;
  const { hast } = markdownToHast(text);
  const tags = hast.children.flatMap((c) => (c.type === 'element' ? [c.tagName] : []));
  expect(tags).toEqual(['ul', 'blockquote', 'hr']);
});

test('the nested-emphasis note (quadratic in remark: it froze the tab) is shown as plain text with a notice', () => {
  // On the unguarded pipeline this one call takes remark minutes (n^2.3 over 20,000 delimiters).
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'pathological', 'nested-emphasis.md'), 'utf8');
  const { hast } = markdownToHast(text);
  expect(hast.children.map((c) => (c.type === 'element' ? c.tagName : c.type))).toEqual(['p', 'pre']);
  const notice = hast.children[0] as Element;
  expect(notice.properties.className).toEqual(['render-fallback']);
  expect((notice.children[0] as { value: string }).value).toMatch(/^This note is shown as plain text because its emphasis/);
  // Nothing is lost: the plain text is the whole note.
  const code = (hast.children[1] as Element).children[0] as Element;
  expect((code.children[0] as { value: string }).value).toBe(text);
});

test('a note with ordinary emphasis, links and lists is still rendered as markdown', () => {
  const text = Array.from(
    { length: 300 },
    (_, i) => `## Part ${i}\n\nSome **bold**, *italic*, ~~struck~~ and [a link](https://example.com) text.\n\n- *one*\n- **two**`,
  ).join('\n\n');
  const { hast } = markdownToHast(text);
  const tags = hast.children.flatMap((c) => (c.type === 'element' ? [c.tagName] : []));
  expect(tags.slice(0, 3)).toEqual(['h2', 'p', 'ul']);
  expect(tags).not.toContain('pre');
});
