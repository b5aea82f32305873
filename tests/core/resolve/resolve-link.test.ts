import { FileIndex } from '../../../main/core/resolve/file-index';
import { resolveLinkTarget } from '../../../main/core/resolve/resolve-link';
import type { LinkKind } from '../../../main/core/types';
import { vp } from '../../support/vault-path';

const FILES = [
  'Home.md',
  'Loss.md',
  'notes/Loss.md',
  'How LLMs Work/Embedding.md',
  'How LLMs Work/Gradient Descent.md',
  'How LLMs Work/My Note.md',
  'a/Dup.md',
  'b/Dup.md',
  'a/deep/Only.md',
  'x/y/Twice.md',
  'z/y/Twice.md',
  'assets/diagram.png',
  'Case.md',
  'v1.2.md',
  'Root Only.md',
  'img/Note',
  'Note.md',
];

function index(): FileIndex {
  const idx = new FileIndex();
  for (const f of FILES) idx.add(vp(f));
  return idx;
}

type Row = [string, string, LinkKind, string, string | null, string[]];

// [what, from, kind, target, resolved, candidates]
const cases: Row[] = [
  ['bare name', 'Home.md', 'wiki', 'Embedding', 'How LLMs Work/Embedding.md', []],
  ['case-insensitive', 'Home.md', 'wiki', 'embedding', 'How LLMs Work/Embedding.md', []],
  ['.md optional', 'Home.md', 'wiki', 'Embedding.md', 'How LLMs Work/Embedding.md', []],
  ['dots in a title', 'Home.md', 'wiki', 'v1.2', 'v1.2.md', []],
  ['attachment by full name', 'Home.md', 'wiki', 'diagram.png', 'assets/diagram.png', []],
  ['attachment without extension does not match', 'Home.md', 'wiki', 'diagram', null, []],
  ['attachment name ignores case', 'Home.md', 'wiki', 'DIAGRAM.PNG', 'assets/diagram.png', []],
  ['attachment by path from the root', 'a/Other.md', 'wiki', 'assets/diagram.png', 'assets/diagram.png', []],
  ['a bare name matches a note and an extensionless file', 'Home.md', 'wiki', 'Note', 'Note.md', ['Note.md', 'img/Note']],
  ['a name with .md matches only the note', 'img/x.md', 'wiki', 'Note.md', 'Note.md', []],
  ['.md in any case', 'Home.md', 'wiki', 'LOSS.MD', 'Loss.md', ['Loss.md', 'notes/Loss.md']],
  ['same folder wins', 'notes/Other.md', 'wiki', 'Loss', 'notes/Loss.md', ['Loss.md', 'notes/Loss.md']],
  ['fewest folders wins', 'How LLMs Work/Embedding.md', 'wiki', 'Loss', 'Loss.md', ['Loss.md', 'notes/Loss.md']],
  ['alphabetical wins', 'Home.md', 'wiki', 'Dup', 'a/Dup.md', ['a/Dup.md', 'b/Dup.md']],
  ['same folder beats alphabetical', 'b/Other.md', 'wiki', 'Dup', 'b/Dup.md', ['a/Dup.md', 'b/Dup.md']],
  ['path from the root', 'b/Other.md', 'wiki', 'a/Dup', 'a/Dup.md', []],
  ['path from the root with .md', 'b/Other.md', 'wiki', 'a/Dup.md', 'a/Dup.md', []],
  ['path relative to the note', 'a/Other.md', 'wiki', 'deep/Only', 'a/deep/Only.md', []],
  ['relative path with ..', 'a/deep/Other.md', 'wiki', '../Dup', 'a/Dup.md', []],
  ['unique path suffix', 'Home.md', 'wiki', 'deep/Only', 'a/deep/Only.md', []],
  ['a path suffix must be unique', 'Home.md', 'wiki', 'y/Twice', null, ['x/y/Twice.md', 'z/y/Twice.md']],
  ['a longer suffix is unique again', 'Home.md', 'wiki', 'x/y/Twice', 'x/y/Twice.md', []],
  ['relative path beats a suffix', 'x/Other.md', 'wiki', 'y/Twice', 'x/y/Twice.md', []],
  ['suffix only on folder boundary', 'Home.md', 'wiki', 'eep/Only', null, []],
  ['leading slash is root only', 'a/Other.md', 'wiki', '/deep/Only', null, []],
  ['path case-insensitive', 'Home.md', 'wiki', 'HOW LLMS WORK/embedding', 'How LLMs Work/Embedding.md', []],
  ['same-note heading link', 'Home.md', 'wiki', '', 'Home.md', []],
  ['unresolved', 'Home.md', 'wiki', 'Vectors', null, []],
  ['folder is not a file', 'Home.md', 'wiki', 'a/', null, []],
  ['.. escaping the root', 'Home.md', 'wiki', '../../etc/passwd', null, []],
  ['markdown relative', 'How LLMs Work/Embedding.md', 'markdown', 'Gradient Descent.md', 'How LLMs Work/Gradient Descent.md', []],
  ['markdown relative ..', 'a/deep/Only.md', 'markdown', '../../How LLMs Work/My Note.md', 'How LLMs Work/My Note.md', []],
  ['markdown without .md', 'How LLMs Work/Embedding.md', 'markdown', 'My Note', 'How LLMs Work/My Note.md', []],
  ['markdown from the root', 'a/Other.md', 'markdown', 'Root Only.md', 'Root Only.md', []],
  ['markdown escaping the vault', 'Home.md', 'markdown', '../outside/Loss.md', null, []],
  ['markdown absolute', 'a/Other.md', 'markdown', '/How LLMs Work/My Note.md', 'How LLMs Work/My Note.md', []],
  ['markdown shortest form', 'a/Other.md', 'markdown', 'Embedding.md', 'How LLMs Work/Embedding.md', []],
  ['markdown ./ falls back to the wiki rule', 'a/Other.md', 'markdown', './Embedding.md', 'How LLMs Work/Embedding.md', []],
  ['markdown relative wins over the root', 'notes/Other.md', 'markdown', 'Loss.md', 'notes/Loss.md', []],
  ['markdown from the root is not ambiguous', 'a/Other.md', 'markdown', 'Loss.md', 'Loss.md', []],
  ['markdown encoded spaces arrive decoded', 'Home.md', 'markdown', 'How LLMs Work/Gradient Descent.md', 'How LLMs Work/Gradient Descent.md', []],
  ['markdown ../ that does not escape but misses', 'a/deep/Only.md', 'markdown', '../Nothing.md', null, []],
  ['markdown escaping from a subfolder', 'a/deep/Only.md', 'markdown', '../../../Loss.md', null, []],
  ['markdown bare name, ambiguous', 'Home.md', 'markdown', 'Dup.md', 'a/Dup.md', ['a/Dup.md', 'b/Dup.md']],
  ['markdown attachment', 'Home.md', 'markdown', 'assets/diagram.png', 'assets/diagram.png', []],
];

describe('resolveLinkTarget', () => {
  test.each(cases)('%s', (_what, from, kind, target, resolved, candidates) => {
    expect(resolveLinkTarget(index(), vp(from), kind, target)).toEqual({ resolved, candidates });
  });

  test('two files differing only in case are both candidates', () => {
    const idx = index();
    idx.add(vp('case.md'));
    const result = resolveLinkTarget(idx, vp('Home.md'), 'wiki', 'CASE');
    expect(result.candidates).toEqual(['Case.md', 'case.md']);
    expect(result.resolved).toBe('Case.md');
  });

  test('removing a file updates the index', () => {
    const idx = index();
    idx.remove(vp('notes/Loss.md'));
    expect(resolveLinkTarget(idx, vp('notes/Other.md'), 'wiki', 'Loss')).toEqual({ resolved: 'Loss.md', candidates: [] });
  });
});
