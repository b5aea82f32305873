import { fastParseNote, fastPathStats, parseNoteFast, resetFastPathStats } from '../../../../main/core/parse/fast';
import { parseNote } from '../../../../main/core/parse/parse-note';
import { generatedNotes, markdownFilesIn, type NoteText } from './note-corpus';
import { ensureSyntaxVault } from '../../../fixtures/syntax-vault-setup';

ensureSyntaxVault();

/** The contract: declined (null) or exactly parseNote's answer. Returns whether it answered. */
function expectAgreement({ path, text }: NoteText): boolean {
  const fast = fastParseNote(path, text);
  if (fast === null) return false;
  const reference = parseNote(path, text);
  expect(fast).toEqual(reference);
  // Same key order too: results are serialised into the parse cache.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  return true;
}

function acceptedShare(notes: NoteText[]): number {
  let accepted = 0;
  for (const note of notes) if (expectAgreement(note)) accepted++;
  return accepted / notes.length;
}

describe('fastParseNote agrees with parseNote on real corpora', () => {
  test('every generated bench note is answered by the fast path and equal', () => {
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

describe('fastParseNote on tricky notes', () => {
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
    expect(fastParseNote('n.md', frontmatters[2] + bodies[0])).not.toBeNull();
    expect(fastParseNote('n.md', frontmatters[9] + bodies[1])).not.toBeNull();
    expect(fastParseNote('n.md', frontmatters[5] + bodies[0])).toBeNull();
    expect(fastParseNote('n.md', frontmatters[4] + bodies[0])).toBeNull();
    expect(fastParseNote('n.md', frontmatters[8] + bodies[0])).toBeNull();
  });

  test('a frontmatter error is always left to parseNote', () => {
    const text = '---\ntags: [unclosed\n---\n#x';
    expect(fastParseNote('n.md', text)).toBeNull();
    expect(parseNoteFast('n.md', text).frontmatterError).not.toBeNull();
  });
});

describe('parseNoteFast and its counters', () => {
  test('returns parseNote results either way and counts each path', () => {
    resetFastPathStats();
    const simple = '---\ntags: [a]\n---\n[[X]]';
    const complex = '---\na:\n  b: [[Y]]\n---\n[[X]]';
    expect(parseNoteFast('s.md', simple)).toEqual(parseNote('s.md', simple));
    expect(parseNoteFast('c.md', complex)).toEqual(parseNote('c.md', complex));
    expect(parseNoteFast('p.md', 'plain')).toEqual(parseNote('p.md', 'plain'));
    expect(fastPathStats()).toEqual({ accepted: 2, fallbacks: 1, fallbackRate: 1 / 3 });
    resetFastPathStats();
    expect(fastPathStats()).toEqual({ accepted: 0, fallbacks: 0, fallbackRate: 0 });
  });
});
