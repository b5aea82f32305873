/**
 * Choosing how a rewritten link names its new target, keeping the style the author used:
 * bare names stay bare while they resolve uniquely, path-style links stay path-style, relative
 * markdown paths stay relative, and a written `.md` suffix is kept (and never added).
 */
import type { LinkKind, VaultPath } from '../types';
import { basename, dirname, joinRelative, relativePath, stripMd } from '../paths';

/** Resolution over one file set: the single file a link target reaches, or null (unresolved or ambiguous). */
export interface LinkResolver {
  resolve(source: VaultPath, target: string, kind: LinkKind): VaultPath | null;
}

export interface FormatInput {
  kind: LinkKind;
  /** The target as the author wrote it (markdown: percent-decoded). */
  written: string;
  /** Where the source note lived when the link was written, and where it lives afterwards. */
  sourceBefore: VaultPath;
  sourceAfter: VaultPath;
  /** The file the link pointed at before (a note or attachment path, old location). */
  resolvedBefore: VaultPath;
  /** The file the link must reach afterwards. */
  expected: VaultPath;
}

/** The new target text (decoded, unencoded), resolving to `expected` under `after`. */
export function formatTarget(input: FormatInput, after: LinkResolver): string {
  const { kind, written, sourceAfter, expected } = input;
  const isNote = /\.md$/i.test(expected);
  const keepMd = /\.md$/i.test(written);
  const shape = (p: string): string => (isNote && !keepMd ? stripMd(p) : p);
  const reaches = (t: string): boolean => after.resolve(sourceAfter, t, kind) === expected;

  if (isRelativeStyle(input) && !written.startsWith('/')) {
    // A relative path names exactly one file, and other tools read it literally: keep it relative.
    const rel = shape(relativePath(dirname(sourceAfter), expected));
    return written.startsWith('./') && !rel.startsWith('../') ? './' + rel : rel;
  }
  const preferred: string[] = [];
  if (written.startsWith('/')) preferred.push('/' + shape(expected));
  else if (kind === 'markdown' && isVaultAbsoluteStyle(input)) preferred.push(shape(expected));

  const segments = expected.split('/');
  // Path-style links keep at least one folder; bare names start from the file name alone.
  const minSegments = written.includes('/') ? Math.min(2, segments.length) : 1;
  const suffixes: string[] = [];
  for (let k = minSegments; k <= segments.length; k++) {
    suffixes.push(shape(segments.slice(segments.length - k).join('/')));
  }
  // The author's own style wins when it reaches the file; a markdown link may also fall back to
  // a path relative to its note, which names exactly one file whatever the resolver prefers.
  const fallbacks = kind === 'markdown' ? [shape(relativePath(dirname(sourceAfter), expected))] : [];
  const ordered = [...preferred, ...suffixes, ...fallbacks];
  return ordered.find(reaches) ?? preferred[0] ?? shape(expected);
}

/** `./x`, `../x`, or a markdown path that reached its file relative to the source's folder. */
export function isRelativeStyle(input: Pick<FormatInput, 'written' | 'kind' | 'sourceBefore' | 'resolvedBefore'>): boolean {
  const { written, kind, sourceBefore, resolvedBefore } = input;
  if (written.startsWith('./') || written.startsWith('../')) return true;
  // Markdown paths are relative to their note (as on GitHub and in other editors), even when
  // the note sits at the root where relative and vault paths read the same.
  return kind === 'markdown' && samePath(joinRelative(dirname(sourceBefore), written), resolvedBefore);
}

function isVaultAbsoluteStyle(input: FormatInput): boolean {
  return input.written.includes('/') && samePath(input.written, input.resolvedBefore);
}

function samePath(written: string | null, file: VaultPath): boolean {
  if (written === null) return false;
  const a = written.toLowerCase();
  const b = file.toLowerCase();
  return a === b || a + '.md' === b;
}

/** The lower-cased file name without `.md`, used to find notes whose links may be affected. */
export function linkKey(targetOrPath: string): string {
  return stripMd(basename(targetOrPath)).toLowerCase();
}
