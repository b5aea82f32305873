import fc from 'fast-check';
import { parseNote } from '../../../main/core/parse/parse-note';
import type { ParsedNote } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const MARKDOWN_ALPHABET = ['[', ']', '(', ')', '!', '#', '|', '^', '`', '-', '*', '>', '\n', ' ', 'a', 'b', '$', '<', '%', '\\', ':', '.', '\r', '\uFEFF'];
const markdownish = fc
  .array(fc.constantFrom(...MARKDOWN_ALPHABET, '[[', ']]', '---\n', '```\n', 'x.md', '<!--', '-->'), { maxLength: 200 })
  .map((parts) => parts.join(''));

function checkInvariants(text: string, parsed: ParsedNote): void {
  for (const link of parsed.links) {
    expect(link.start).toBeGreaterThanOrEqual(0);
    expect(link.end).toBeLessThanOrEqual(text.length);
    expect(link.start).toBeLessThan(link.end);
    const written = text.slice(link.start, link.end);
    expect(written.startsWith(link.embed ? '!' : '[')).toBe(true);
    expect(written.startsWith(link.kind === 'wiki' ? (link.embed ? '![[' : '[[') : link.embed ? '![' : '[')).toBe(true);
    expect(link.line).toBeGreaterThanOrEqual(1);
    expect(link.line).toBe(text.slice(0, link.start).split('\n').length);
  }
  expect(() => JSON.stringify(parsed)).not.toThrow();
}

describe('parseNote properties', () => {
  test('never throws on arbitrary strings; links slice back to link syntax', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkInvariants(text, parseNote(vp('p.md'), text))),
      { numRuns: 500 },
    );
  });

  test('never throws on strings from the markdown alphabet', () => {
    fc.assert(
      fc.property(markdownish, (text) => checkInvariants(text, parseNote(vp('p.md'), text))),
      { numRuns: 2000 },
    );
  });

  test('wiki links are found wherever they are spliced into plain prose', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,12}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.lorem({ maxCount: 5 }), name), { minLength: 1, maxLength: 8 }), (pieces) => {
        const text = pieces.map(([words, target]) => `${words} [[${target}]]`).join('\n');
        expect(parseNote(vp('p.md'), text).links.map((link) => link.target)).toEqual(pieces.map(([, target]) => target.trim()));
      }),
    );
  });
});

describe('pathological inputs finish', () => {
  const inputs: [string, () => string][] = [
    ['100k [', () => '['.repeat(100_000)],
    ['100k [[', () => '[['.repeat(100_000)],
    ['100k ![', () => '!['.repeat(100_000)],
    ['unclosed link labels', () => '[a]('.repeat(50_000)],
    ['100k backtick runs of growing length', () => Array.from({ length: 2000 }, (_, i) => '`'.repeat((i % 50) + 1) + ' x').join(' ')],
    ['100k $ and <!--', () => '$a <!-- '.repeat(50_000)],
    ['unclosed html tags', () => "<a b='".repeat(50_000)],
    ['10k nested blockquotes', () => `${'>'.repeat(10_000)} [[deep]]\n`],
    [
      '10k nested list levels',
      () =>
        Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i * 2)}- [[L${i}]]`)
          .slice(0, 3000)
          .join('\n'),
    ],
    ['5 MB single line', () => 'word [[Link]] #tag `code` '.repeat(200_000)],
    ['many lines in one paragraph with code spans', () => 'a `b` c ^id\n'.repeat(100_000)],
  ];
  test.each(inputs)('%s', (_name, build) => {
    const text = build();
    const parsed = parseNote(vp('p.md'), text);
    for (const link of parsed.links.slice(0, 1000)) expect(text.slice(link.start, link.start + 1)).toMatch(/[[!]/);
  });

  test('deep blockquote still yields its link', () => {
    expect(parseNote(vp('p.md'), `${'>'.repeat(10_000)} [[deep]]`).links.map((l) => l.target)).toEqual(['deep']);
  });
});
