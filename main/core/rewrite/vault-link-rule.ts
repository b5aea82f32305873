/**
 * The rewriter's default dependencies: the real parser and the vault's link rule
 * (docs/links.md) over any file set. A link only "reaches" a file when it resolves to it
 * unambiguously — a rewritten link must not lean on a tie-break that the next new file can flip.
 */
import { parseNote } from '../parse/parse-note';
import { FileIndex } from '../resolve/file-index';
import { resolveLinkTarget } from '../resolve/resolve-link';
import type { VaultPath } from '../types';
import type { LinkResolver } from './format-target';
import type { RewriteDeps } from './plan-rename-edits';

export function vaultResolverFor(files: readonly VaultPath[]): LinkResolver {
  const index = new FileIndex();
  for (const file of files) index.add(file);
  return {
    resolve(source, target, kind) {
      const found = resolveLinkTarget(index, source, kind, target);
      return found.candidates.length > 0 ? null : found.resolved;
    },
  };
}

export const vaultRewriteDeps: RewriteDeps = { parse: parseNote, resolverFor: vaultResolverFor };
