/**
 * The line scan that finds a long note's heading and block ids without drawing it
 * (target-scan.ts): table-driven over the constructs, then held to the renderer's own ids
 * over every chunk of generated long notes and the fidelity fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunkOfLine, scanChunk, targetIndex } from '../../../renderer/src/markdown/target-scan';
import { splitForProgressive, type Chunk, type SplitOptions } from '../../../renderer/src/markdown/split-blocks';
import { markdownToHast } from '../../../renderer/src/markdown/pipeline';
import { eachElement } from '../../../renderer/src/markdown/each-element';
import { generateRichNote } from '../../../bench/generate-rich-note';
import { realisticNote } from './realistic-notes';

const whole = (text: string): Chunk => ({ text, startLine: 0 });
const scan = (text: string) => scanChunk(whole(text), true).map((t) => `${t.line}:${t.id}`);

const CASES: [construct: string, text: string, expected: string[]][] = [
  ['ATX headings of each level', '# One\n\n###### Six\n', ['0:h-one', '2:h-six']],
  ['ATX closing hashes and indentation', '   ## Closed ##  \n', ['0:h-closed']],
  ['ATX needs a space after the hashes', '#tag line\n\n####### seven\n', []],
  ['empty ATX heading', '##\n', ['0:h-']],
  ['setext level 1 and 2', 'First\n=====\n\nSecond\n---\n', ['0:h-first', '3:h-second']],
  ['setext over two lines', 'Two\nlines\n===\n', ['0:h-two\nlines'.replace('\n', '-')]],
  ['a thematic break after a blank line is no heading', 'para\n\n---\n', []],
  ['a list item then dashes is no setext heading', '- item\n---\n', []],
  ['duplicates share the id (the renderer adds no -1 suffix; the first is the target)', '## Dup\n\n## Dup\n\n## Dup 1\n', ['0:h-dup', '2:h-dup', '4:h-dup-1']],
  ['headings inside backtick fences are ignored', '```md\n# Not\n```\n# Yes\n', ['3:h-yes']],
  ['inside tilde fences, a shorter closer does not close', '~~~~\n# Not\n~~~\n# Still not\n~~~~\n## Yes\n', ['5:h-yes']],
  ['inside math blocks', '$$\n# Not\n$$\n', []],
  ['heading in a quote', '> ## Quoted\n', ['0:h-quoted']],
  ['inline markup dropped as the renderer drops it', '## A `co_de` **b** [t](http://x.y) ![i](p.png) &amp; <kbd>K</kbd> %%c%% ==m==\n', ['0:h-a-code-b-t-k-m']],
  ['wiki links: alias, target and subpath', '## See [[Note#H]] and [[A|B]] [[C]]\n', ['0:h-see-note-h-and-b-c']],
  ['block ids on a paragraph and a list item', 'text ^b1\n\n- item ^b-2\n', ['0:block-b1', '2:block-b-2']],
  ['a block id needs a space before the caret', 'x^no\n', []],
  ['block ids inside fences are ignored', '```\nline ^inside\n```\n', []],
  ['frontmatter is skipped, lines still counted from the top', '---\ntitle: x\n# no: heading\n---\n# Real\n', ['4:h-real']],
];

test.each(CASES)('%s', (_construct, text, expected) => {
  expect(scan(text)).toEqual(expected);
});

/** The ids the renderer gives a chunk's headings and blocks. */
function renderedIds(chunk: Chunk): Set<string> {
  const ids = new Set<string>();
  eachElement(markdownToHast(chunk.text).hast, (el) => {
    const id = el.properties?.id;
    if (typeof id === 'string' && /^(h|block)-/.test(id)) ids.add(id);
  });
  return ids;
}

test('on every construct above the scan finds the ids the renderer draws', () => {
  for (const [construct, text] of CASES) {
    const found = new Set(scanChunk(whole(text), true).map((t) => t.id));
    expect({ construct, ids: [...found].sort() }).toEqual({ construct, ids: [...renderedIds(whole(text))].sort() });
  }
});

const FIXTURES = join(__dirname, '../../fixtures/obsidian-flavoured');
const SPLIT: SplitOptions = { minNoteSize: 0, chunkSize: 2048 };
const LONG: [name: string, text: string][] = [
  ['generated rich note, 64 KB', generateRichNote(64 * 1024)],
  ['realistic note, 64 KB', realisticNote(64 * 1024, 3).replace(/\[\^|\^\[/g, '[')],
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f): [string, string] => [f, readFileSync(join(FIXTURES, f), 'utf8').replace(/\[\^|\^\[/g, '[')]),
];

test.each(LONG)('%s: each chunk scans to the ids it renders', (_name, text) => {
  const chunks = splitForProgressive(text, SPLIT) ?? [whole(text)];
  chunks.forEach((chunk, k) => {
    const scanned = new Set(scanChunk(chunk, k === 0).map((t) => t.id));
    // Every id the renderer draws is found where it is (a miss would fall back to drawing from the top).
    const missed = [...renderedIds(chunk)].filter((id) => !scanned.has(id));
    expect({ chunk: k, missed }).toEqual({ chunk: k, missed: [] });
  });
});

test('targetIndex lists the chunks of an id in order, chunkOfLine finds a line', () => {
  const chunks: Chunk[] = [
    { text: '# A\n\ntext\n', startLine: 0 },
    { text: '## B\n\n```\n## C\n```\n', startLine: 3 },
    { text: '## A\n\nend ^last\n', startLine: 8 },
  ];
  const index = targetIndex(chunks);
  expect(index.get('h-a')).toEqual([0, 2]);
  expect(index.get('h-b')).toEqual([1]);
  expect(index.get('h-c')).toBeUndefined();
  expect(index.get('block-last')).toEqual([2]);
  expect([0, 2, 3, 7, 8, 20].map((line) => chunkOfLine(chunks, line))).toEqual([0, 0, 1, 1, 2, 2]);
  expect(scanChunk(chunks[2], false)).toEqual([
    { id: 'h-a', line: 8, kind: 'heading' },
    { id: 'block-last', line: 10, kind: 'block' },
  ]);
});
