/**
 * The index and the page agree: for every note of the fixture vaults, generated bench notes and
 * a seeded random corpus of Obsidian-flavoured markup, the links the reading view draws (target,
 * kind, embed, subpath) are exactly the links the index holds for the note's body.
 * Documented exceptions, checked rather than skipped:
 *  - links inside `%%comments%%` are indexed (Obsidian's hidden links) but not drawn;
 *  - a note the render guard shows as plain text draws no links at all;
 *  - links written as HTML (`<a href>`, `<img src>`) are drawn as text or images, never as links,
 *    and the index holds none (data-user-html).
 * The index here is parseNoteFaithful, the parse workers' parser (main/service/index/parse-files.ts):
 * the scanner, with the reference parse for the constructs it only approximates (link reference
 * definitions and the references to them, `_` at a tag's edge).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { markdownToHast } from '../../../renderer/src/markdown/pipeline';
import { classifyHref } from '../../../renderer/src/markdown/link-href';
import { parseNoteFaithful } from '../../../main/core/parse';
import { generatedNotes, markdownFilesIn, type NoteText } from '../../core/parse/reference/note-corpus';
import { TRICKY_SNIPPETS } from '../../core/parse/reference/tricky-snippets';
import { vp } from '../../support/vault-path';

type Key = string;
const key = (kind: string, embed: boolean, target: string, heading: string | null, block: string | null): Key =>
  JSON.stringify([kind, embed, target, heading, block]);

function classes(el: Element): string[] {
  const cls = el.properties?.className;
  return Array.isArray(cls) ? cls.map(String) : [];
}

/** What the page draws as links, from the hast the reading view renders. */
function pageLinks(tree: Root): { keys: Key[]; fellBack: boolean } {
  const keys: Key[] = [];
  let fellBack = false;
  visit(tree, 'element', (el: Element) => {
    const p = el.properties ?? {};
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    if (classes(el).includes('render-fallback')) fellBack = true;
    if (p.dataUserHtml !== undefined) return;
    if (classes(el).includes('plexus-embed')) keys.push(key('wiki', true, String(p.dataTarget ?? ''), str(p.dataHeading), str(p.dataBlock)));
    else if (el.tagName === 'a' && classes(el).includes('internal-link'))
      keys.push(key('wiki', false, String(p.dataTarget ?? ''), str(p.dataHeading), str(p.dataBlock)));
    else if ((el.tagName === 'a' && typeof p.href === 'string') || (el.tagName === 'img' && typeof p.src === 'string')) {
      if (classes(el).includes('tag') || classes(el).includes('math-svg')) return;
      const kind = classifyHref(String(el.tagName === 'a' ? p.href : p.src));
      if (kind.kind === 'vault') keys.push(key('markdown', el.tagName === 'img', kind.target, kind.heading, kind.block));
    }
  });
  return { keys, fellBack };
}

/** Whether `offset` lies inside a `%%` comment (an odd number of `%%` before it), as a reader would see it. */
function inComment(text: string, offset: number): boolean {
  return (text.slice(0, offset).split('%%').length - 1) % 2 === 1;
}

function compare(note: NoteText): { extraOnPage: Key[]; missingOnPage: Key[] } {
  const { hast } = markdownToHast(note.text);
  const page = pageLinks(hast);
  const indexed = parseNoteFaithful(vp(note.path), note.text).links.filter((l) => !l.inFrontmatter);
  const expected = page.fellBack ? [] : indexed.filter((l) => !inComment(note.text, l.start)).map((l) => key(l.kind, l.embed, l.target, l.heading, l.block));
  return diffLinks(page.keys, expected);
}

/** Multiset difference both ways. */
function diffLinks(onPage: Key[], indexed: Key[]): { extraOnPage: Key[]; missingOnPage: Key[] } {
  const remaining = [...indexed];
  const extraOnPage: Key[] = [];
  for (const k of onPage) {
    const at = remaining.indexOf(k);
    if (at >= 0) remaining.splice(at, 1);
    else extraOnPage.push(k);
  }
  return { extraOnPage, missingOnPage: remaining };
}

/** A small seeded generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '[[Note]]',
  '[[Folder/Deep Note#Heading|alias]]',
  '![[pic.png|100]]',
  '![[Other#^block]]',
  '[[#Local]]',
  '![[doc.pdf#page=2]]',
  '[md](Some%20Note.md#Part)',
  '[amp](a&amp;b.md)',
  '[esc](a\\&amp;b.md)',
  '![img|50](img/x.png)',
  '[ext](https://example.com)',
  '<https://auto.link>',
  '==hi [[InMark]]==',
  '%%hidden [[InComment]]%%',
  '^[inline [[InFootnote]]]',
  '[^1]',
  '$x + [[NotALink]]$',
  '$5 and $10 [[AfterDollars]]',
  '`[[InCode]]`',
  '**[[Bold]]**',
  '<kbd>[[InKbd]]</kbd>',
  '<a href="Html.md">html</a>',
  '<img src="html.png">',
  '#tag',
  '~~[[Struck]]~~',
  'text',
  'more words',
  '\\[[Escaped]]',
  '[[Bad|',
  ']]',
  '[ref][r1]',
  '![ref img][R2]',
  '[r3]',
  '[Ext ref][ext]',
];
const BLOCKS = [
  '',
  '> [!note] Title [[InTitle]]\n> body [[InCallout]]',
  '> [!faq]- Folded\n> [[InFold]]',
  '- [ ] task [[InTask]]',
  '1. item [[InItem]]',
  '| a | [[InTable\\|x]] |\n| - | - |\n| 1 | 2 |',
  '$$\n[[InMath]]\n$$',
  '```\n[[InFence]]\n```',
  '<details><summary>S</summary>\n\n[[InDetails]]\n\n</details>',
  '# Heading [[InHeading]]',
  '[^1]: def [[InDefinition]]',
  '[r1]: Ref%20Note.md#Part\n[r2]: img/ref.png "t"\n[r3]: <Third note.md>\n[ext]: https://example.com\n[r1]: Shadowed.md',
];

function randomNote(rand: () => number): string {
  const lines: string[] = [];
  for (let b = 0; b < 8; b++) {
    const block = BLOCKS[Math.floor(rand() * BLOCKS.length)];
    if (block) lines.push(block, '');
    const words = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => PIECES[Math.floor(rand() * PIECES.length)]);
    lines.push(words.join(rand() < 0.2 ? '\n' : ' '), '');
  }
  return lines.join('\n');
}

const corpora: [string, NoteText[]][] = [
  ['syntax vault', markdownFilesIn('tests/fixtures/syntax-vault')],
  ['obsidian-flavoured vault', markdownFilesIn('tests/fixtures/obsidian-flavoured')],
  ['hostile vault', markdownFilesIn('tests/fixtures/hostile')],
  ['sample vault', markdownFilesIn('vault')],
  ['tricky snippets', TRICKY_SNIPPETS.map(([name, text]) => ({ path: `snippets/${name}.md`, text }))],
  ['generated bench notes', generatedNotes(60, 7)],
];

describe.each(corpora)('%s', (_name, notes) => {
  test.each(notes.map((n) => [n.path, n] as const))('%s', (_path, note) => {
    expect(compare(note)).toEqual({ extraOnPage: [], missingOnPage: [] });
  });
});

test('250 random Obsidian-flavoured notes', () => {
  const rand = random(21);
  const failures: { text: string; diff: ReturnType<typeof compare> }[] = [];
  let links = 0;
  for (let i = 0; i < 250; i++) {
    const text = randomNote(rand);
    const diff = compare({ path: `random/${i}.md`, text });
    links += parseNoteFaithful(vp('x.md'), text).links.length;
    if (diff.extraOnPage.length + diff.missingOnPage.length > 0) failures.push({ text, diff });
  }
  expect(failures.slice(0, 3)).toEqual([]);
  expect(links).toBeGreaterThan(1200);
}, 120_000);

test('the comparison can fail: links on one side only are reported, counted as a multiset', () => {
  const { hast } = markdownToHast('[[A]] ![[B#^x]] [c](C.md#H) ![d](d.png) [e](https://e.x) #tag');
  const keys = pageLinks(hast).keys;
  expect(keys).toEqual([
    key('wiki', false, 'A', null, null),
    key('wiki', true, 'B', null, 'x'),
    key('markdown', false, 'C.md', 'H', null),
    key('markdown', true, 'd.png', null, null),
  ]);
  expect(diffLinks([...keys, keys[0]], keys)).toEqual({ extraOnPage: [keys[0]], missingOnPage: [] });
  expect(diffLinks(keys.slice(1), keys)).toEqual({ extraOnPage: [], missingOnPage: [keys[0]] });
  // Before the indexer decoded destinations, this note disagreed.
  expect(compare({ path: 'n.md', text: '[x](a&amp;b.md)' })).toEqual({ extraOnPage: [], missingOnPage: [] });
  expect(pageLinks(markdownToHast('[x](a&amp;b.md)').hast).keys).toEqual([key('markdown', false, 'a&b.md', null, null)]);
});
