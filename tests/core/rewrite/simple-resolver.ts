/**
 * A small stand-in for the vault's link rule, used to drive the planner in tests: relative
 * paths ('./', '../', and markdown paths from the note's folder), then vault paths, then unique
 * path suffixes / file names, case-insensitively; more than one match is ambiguous (null).
 */
import type { LinkKind, VaultPath } from '../../../main/core/types';
import type { LinkResolver } from '../../../main/core/rewrite/format-target';
import { dirname, joinRelative } from '../../../main/core/paths';

export function simpleResolverFor(files: readonly VaultPath[]): LinkResolver {
  const lower = files.map((f) => [f.toLowerCase(), f] as const);
  const exact = (p: string): VaultPath | null => {
    const want = p.toLowerCase();
    const hit = lower.find(([l]) => l === want || l === want + '.md');
    return hit ? hit[1] : null;
  };
  return {
    resolve(source: VaultPath, target: string, kind: LinkKind): VaultPath | null {
      if (target.startsWith('/')) return exact(target.slice(1));
      if (target.startsWith('./') || target.startsWith('../') || (kind === 'markdown' && target.includes('/'))) {
        const joined = joinRelative(dirname(source), target);
        const rel = joined === null ? null : exact(joined);
        if (rel || target.startsWith('.')) return rel;
      }
      const want = target.toLowerCase();
      const matches = lower.filter(([l]) => [want, want + '.md'].some((w) => l === w || l.endsWith('/' + w)));
      return matches.length === 1 ? matches[0][1] : null;
    },
  };
}
