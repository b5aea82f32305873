/**
 * The scanner (parseNote) must produce exactly what the reference (parseNoteWithRemark, the
 * renderer's remark pipeline) produces, on real notes, generated notes and tricky snippets.
 */
import { needsReferenceParse, parseNote, parseNoteFaithful, parseNoteWithRemark } from '../../../../main/core/parse';
import { generatedNotes, markdownFilesIn } from './note-corpus';
import { TRICKY_SNIPPETS } from './tricky-snippets';
import { ensureSyntaxVault } from '../../../fixtures/syntax-vault-setup';
import { vp } from '../../../support/vault-path';

ensureSyntaxVault();

const sampleVault = markdownFilesIn('vault');
const syntaxVault = markdownFilesIn('tests/fixtures/syntax-vault');
const generated = generatedNotes(300);

test('the corpora are what the tests assume', () => {
  expect(sampleVault.length).toBeGreaterThanOrEqual(20);
  expect(syntaxVault.length).toBe(10);
  expect(generated).toHaveLength(300);
});

describe.each([
  ['sample vault', sampleVault],
  ['syntax fixture vault', syntaxVault],
])('%s', (_name, notes) => {
  test.each(notes.map((note) => [note.path, note.text]))('%s', (path, text) => {
    expect(parseNote(vp(path), text)).toEqual(parseNoteWithRemark(vp(path), text));
  });
});

test('300 generated bench notes', () => {
  let links = 0;
  for (const { path, text } of generated) {
    const reference = parseNoteWithRemark(vp(path), text);
    expect(parseNote(vp(path), text)).toEqual(reference);
    links += reference.links.length;
  }
  expect(links).toBeGreaterThan(300);
});

/** Snippets whose constructs the scanner approximates on purpose; the detector must catch them. */
const FLAGGED = new Set(['inline reference link is not an inline link']);

describe('tricky snippets', () => {
  test.each(TRICKY_SNIPPETS)('%s', (name, text) => {
    const reference = parseNoteWithRemark(vp('folder/Snippet.md'), text);
    expect(needsReferenceParse(text)).toBe(FLAGGED.has(name));
    if (!FLAGGED.has(name)) expect(parseNote(vp('folder/Snippet.md'), text)).toEqual(reference);
    expect(parseNoteFaithful(vp('folder/Snippet.md'), text)).toEqual(reference);
  });

  test('the scanner decodes character references in destinations, as CommonMark and the page do', () => {
    const text = new Map(TRICKY_SNIPPETS).get('entities') as string;
    expect(parseNote(vp('n.md'), text).links[0].target).toBe('a&b.md');
    expect(parseNote(vp('n.md'), text)).toEqual(parseNoteWithRemark(vp('n.md'), text));
  });
});

test('the reference finds what the snippets are about', () => {
  const targets = (text: string) => parseNoteWithRemark(vp('n.md'), text).links.map((link) => link.target);
  const byName = new Map(TRICKY_SNIPPETS);
  expect(targets(byName.get('nested lists with fenced code') as string)).toEqual(['A', 'C']);
  expect(targets(byName.get('images') as string)).toEqual(['a.png', 'b.png', 'c.png', 'e.md', 'd.png']);
  expect(targets(byName.get('entities') as string)).toEqual(['a&b.md', 'E&amp;F']);
  expect(targets(byName.get('math') as string)).toEqual(['Yes', 'Also']);
  expect(parseNoteWithRemark(vp('n.md'), byName.get('setext headings') as string).headings).toEqual([
    { text: 'Title [[InTitle]] #t', level: 1, line: 1 },
    { text: 'Sub', level: 2, line: 4 },
    { text: 'line one line two', level: 2, line: 7 },
  ]);
});
