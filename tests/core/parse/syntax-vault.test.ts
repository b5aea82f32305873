/**
 * tests/fixtures/syntax-vault: a small vault that uses every link syntax the parser knows.
 * Facts other layers (scanner, resolver, graph, `plexus check`) may rely on:
 * - Notes (8): Home.md, notes/Alpha.md, notes/Beta.md, notes/My Note.md, notes/Dup.md,
 *   archive/Dup.md, archive/Old.md, daily/2024-01-01.md (CRLF line endings, starts with a BOM).
 * - Ignored by the scanner: .obsidian/workspace.md and node_modules/x.md (each links [[Alpha]]).
 * - Attachment: assets/diagram.png (a real 1x1 PNG), embedded as ![[diagram.png]] from Home.md
 *   and daily/2024-01-01.md (as ![[diagram.png|200]]), and as ![diagram](assets/diagram.png) from Home.md.
 * - Ambiguous: [[Dup]] in notes/Beta.md and archive/Old.md (two Dup.md files); notes/Dup.md and
 *   archive/Dup.md link each other by path ([[archive/Dup]], [[notes/Dup]]), which is unambiguous.
 * - Unresolved: [[Missing Note]] in archive/Old.md.
 * - Broken subpaths in archive/Old.md: [[Alpha#No Such Heading]] and [[Alpha#^no-such-block]].
 * - Duplicate block id: ^dup-id twice in notes/Alpha.md.
 * - archive/Old.md has invalid YAML frontmatter; its body still yields links and the tag 'old'.
 * - Home.md uses every wiki and markdown form, frontmatter links, aliases Start/Index;
 *   notes/Beta.md holds the table-cell [[Alpha\|first]] and every excluded context (code, math,
 *   comment, HTML block) with links that must not count.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative, sep } from 'path';
import { parseNote } from '../../../main/core/parse/parse-note';
import { ensureSyntaxVault } from '../../fixtures/syntax-vault-setup';

ensureSyntaxVault();
import type { ParsedNote, VaultPath } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const root = join(__dirname, '..', '..', 'fixtures', 'syntax-vault');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [relative(root, full).split(sep).join('/')] : [];
  });
}

const notes = new Map<string, { text: string; parsed: ParsedNote }>(
  markdownFiles(root).map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    return [path, { text, parsed: parseNote(vp(path), text) }];
  }),
);

function note(path: VaultPath): ParsedNote {
  const entry = notes.get(path);
  if (!entry) throw new Error(`fixture note missing: ${path}`);
  return entry.parsed;
}

const summary = (parsed: ParsedNote) =>
  parsed.links.map((l) => `${l.embed ? '!' : ''}${l.kind}:${l.target}|${l.heading ?? ''}|${l.block ?? ''}|${l.alias ?? ''}${l.inFrontmatter ? '|fm' : ''}`);

test('the vault holds the expected files', () => {
  expect([...notes.keys()].sort()).toEqual([
    '.obsidian/workspace.md',
    'Home.md',
    'archive/Dup.md',
    'archive/Old.md',
    'daily/2024-01-01.md',
    'node_modules/x.md',
    'notes/Alpha.md',
    'notes/Beta.md',
    'notes/Dup.md',
    'notes/My Note.md',
  ]);
  expect(
    readFileSync(join(root, 'assets', 'diagram.png'))
      .subarray(1, 4)
      .toString('latin1'),
  ).toBe('PNG');
});

test('every link slices back to its source text and sits on its line', () => {
  for (const { text, parsed } of notes.values()) {
    for (const link of parsed.links) {
      expect(text.slice(link.start, link.end)).toMatch(/^!?\[/);
      expect(text.split('\n')[link.line - 1]).toContain(text.slice(link.start, link.end));
    }
  }
});

test('Home.md uses every link form', () => {
  const home = note(vp('Home.md'));
  expect(summary(home)).toEqual([
    'wiki:Alpha||||fm',
    'wiki:Beta|Tables|||fm',
    'wiki:My Note|||mine|fm',
    'wiki:Alpha|||',
    'wiki:Beta|||the beta note',
    'wiki:Alpha|Second Section||',
    'wiki:Alpha|Second Section#Deeper||',
    'wiki:Alpha||para-one|',
    'wiki:|Links||',
    'wiki:notes/Beta|||',
    'wiki:Alpha.md|||',
    '!wiki:Beta|||',
    '!wiki:diagram.png|||',
    'markdown:notes/My Note.md|||my note',
    'markdown:notes/My Note.md|||angle',
    'markdown:notes/Alpha.md|Second Section||to heading',
    'markdown:notes/Alpha.md||para-one|to block',
    '!markdown:assets/diagram.png|||diagram',
  ]);
  expect(home.aliases).toEqual(['Start', 'Index']);
  expect(home.tags).toEqual(['vault', 'home', 'project/plexus']);
  expect(home.headings).toEqual([
    { text: 'Home', level: 1, line: 11 },
    { text: 'Links', level: 2, line: 17 },
  ]);
});

test('Alpha.md has headings and block ids, one of them duplicated', () => {
  const alpha = note(vp('notes/Alpha.md'));
  expect(alpha.headings.map((h) => `${h.level}:${h.text}`)).toEqual(['1:Alpha', '2:Second Section', '3:Deeper']);
  expect(alpha.blockIds.map((b) => b.id)).toEqual(['para-one', 'item-1', 'dup-id', 'dup-id']);
  expect(alpha.tags).toEqual(['list-tag']);
});

test('Beta.md: only the table links count; code, math, comments and HTML are excluded', () => {
  const beta = note(vp('notes/Beta.md'));
  expect(summary(beta)).toEqual(['wiki:Alpha|||first', 'wiki:Dup|||']);
  expect(beta.tags).toEqual(['beta-tag', 'other']);
  expect(beta.aliases).toEqual(['B', 'Second']);
});

test('Old.md: invalid frontmatter, unresolved, ambiguous and broken-subpath links', () => {
  const old = note(vp('archive/Old.md'));
  expect(old.frontmatterError).toEqual(expect.any(String));
  expect(summary(old)).toEqual(['wiki:Missing Note|||', 'wiki:Dup|||', 'wiki:Alpha|No Such Heading||', 'wiki:Alpha||no-such-block|']);
  expect(old.tags).toEqual(['old']);
});

test('the CRLF note with a BOM keeps its lines and offsets', () => {
  const daily = note(vp('daily/2024-01-01.md'));
  expect(notes.get('daily/2024-01-01.md')?.text.startsWith('\uFEFF# Daily\r\n')).toBe(true);
  expect(summary(daily)).toEqual(['wiki:Home|||', '!wiki:diagram.png|||200']);
  expect(daily.links.map((l) => l.line)).toEqual([3, 3]);
  expect(daily.headings).toEqual([{ text: 'Daily', level: 1, line: 1 }]);
  expect(daily.blockIds).toEqual([{ id: 'day-1', line: 5 }]);
  expect(daily.tags).toEqual(['daily']);
});
