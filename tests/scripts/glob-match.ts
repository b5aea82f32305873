/**
 * A small glob matcher with electron-builder's `files` semantics, enough to check our config:
 * `**` spans directories, `*` stays within one segment, a leading `!` excludes, and later
 * patterns override earlier ones.
 */
function toRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      // '**/' matches zero or more whole directories; a trailing '**' matches the rest.
      if (glob[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function globMatch(glob: string, file: string): boolean {
  return toRegExp(glob).test(file);
}

/** True when `file` (relative, '/' separators) survives the ordered include/exclude list. */
export function isIncluded(patterns: string[], file: string): boolean {
  let included = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (globMatch(pattern.slice(1), file)) included = false;
    } else if (globMatch(pattern, file)) included = true;
  }
  return included;
}
