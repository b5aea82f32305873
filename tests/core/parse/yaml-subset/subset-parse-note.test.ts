import { parseNote } from '../../../../main/core/parse/parse-note';
import { parseSimpleYaml } from '../../../../main/core/parse/simple-yaml';
import { generatedNotes, markdownFilesIn, type NoteText } from './note-corpus';
import { ensureSyntaxVault } from '../../../fixtures/syntax-vault-setup';
import { vp } from '../../../support/vault-path';

ensureSyntaxVault();

/** The frontmatter's YAML when the note has a closed `---` block, else null. */
function frontmatterYaml(text: string): string | null {
  const match = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*\r?$/m.exec(text);
  return match && match.index === 0 ? match[1] : null;
}

/** Whether the YAML subset answered for this note's frontmatter (a note without frontmatter counts as answered). */
function subsetAnswers(text: string): boolean {
  const yaml = frontmatterYaml(text);
  return yaml === null || parseSimpleYaml(yaml) !== null;
}

/**
 * The contract: parseNote with the YAML subset gives exactly what it gives with the `yaml`
 * package alone. Returns whether the subset answered (so the test can show it is exercised).
 */
function expectAgreement({ path, text }: NoteText): boolean {
  const withSubset = parseNote(vp(path), text);
  const reference = parseNote(vp(path), text, { yamlSubset: false });
  expect(withSubset).toEqual(reference);
  // Same key order too: results are serialised into the parse cache.
  expect(JSON.stringify(withSubset)).toBe(JSON.stringify(reference));
  return subsetAnswers(text);
}

function acceptedShare(notes: NoteText[]): number {
  let accepted = 0;
  for (const note of notes) if (expectAgreement(note)) accepted++;
  return accepted / notes.length;
}

describe('parseNote with the YAML subset agrees with the yaml package alone on real corpora', () => {
  test('every generated bench note is answered by the subset and equal', () => {
    const notes = generatedNotes(1500);
    expect(acceptedShare(notes)).toBe(1);
  });

  test('the sample vault: all notes agree, and all are answered (block-list frontmatter)', () => {
    const notes = markdownFilesIn('vault');
    expect(notes.length).toBeGreaterThanOrEqual(20);
    expect(acceptedShare(notes)).toBe(1);
  });

  test('the syntax fixture vault: every note agrees; the plain ones are answered', () => {
    const notes = markdownFilesIn('tests/fixtures/syntax-vault');
    expect(notes.length).toBeGreaterThan(5);
    expect(acceptedShare(notes)).toBeGreaterThanOrEqual(0.5);
  });
});

describe('the YAML subset on tricky notes', () => {
  const frontmatters = [
    '',
    '---\n---\n',
    '---\ntags: [a, "#b", 12]\naliases: Solo, Two\n---\n',
    '---\naliases:\n  - X\ntag: t1 t2\nrelated: "![[Emb#^blk]] and [[N#H|al]]"\n---\n',
    '---\nrelated: [[Nested]]\n---\n',
    '---\na: b # comment\n---\n',
    '---\ntags: [unclosed\n---\n',
    '---\ntitle: x\n',
    '---  \r\ntags: [a]\r\n---\r\n',
    '\ufeff---\ntags: [bom]\n---\n',
    '--- \ntags: [x]\n--- \n',
  ];
  const bodies = [
    '# H #tag\n\nText [[Note#Sec|alias]] and ![[img.png]] ^blk\n',
    'Setext\n===\n\n- item [[A]]\n  - nested #t/x\n\n```\n[[no]]\n```\n',
    '[md](../My%20Note.md#^b) [ext](https://x.org) <!-- [[no]] --> `[[no]]` $[[no]]$',
    '| a | b |\n| - | - |\n| [[T\\|x]] | #c |\n',
    '> quote [[Q]]\n>> deeper ^q\n\n    indented [[code]]\n',
    'line\r\nwith [[CRLF]]\r\n#t\r\n',
    '',
  ];
  const cases: [string, string][] = [];
  for (const front of frontmatters) for (const body of bodies) cases.push([JSON.stringify(front + body).slice(0, 60), front + body]);

  test.each(cases)('%s', (_name, text) => {
    expectAgreement({ path: 'Folder/Tricky.md', text });
  });

  test('answers the common shapes and declines YAML outside the subset', () => {
    expect(subsetAnswers(frontmatters[2] + bodies[0])).toBe(true);
    expect(subsetAnswers(frontmatters[9] + bodies[1])).toBe(true);
    expect(subsetAnswers(frontmatters[5] + bodies[0])).toBe(false);
    expect(subsetAnswers(frontmatters[4] + bodies[0])).toBe(false);
    expect(subsetAnswers(frontmatters[8] + bodies[0])).toBe(false);
  });

  test('a frontmatter error comes from the yaml package, with or without the subset', () => {
    const text = '---\ntags: [unclosed\n---\n#x';
    expect(subsetAnswers(text)).toBe(false);
    const parsed = parseNote(vp('n.md'), text);
    expect(parsed.frontmatterError).not.toBeNull();
    expect(parsed).toEqual(parseNote(vp('n.md'), text, { yamlSubset: false }));
  });
});
