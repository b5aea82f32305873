/**
 * Where YAML frontmatter starts and ends, and so where the markdown body starts, without
 * parsing the YAML: search and snippets only need the body, and importing this instead of
 * frontmatter.ts keeps the `yaml` package out of processes that never parse a note (a CLI
 * whose notes all come from the cache).
 */
const OPENING = /^---[ \t]*\r?\n/;
/** A frontmatter fence line (opening or closing), without its line break; the editor's parser uses it too. */
export const FRONTMATTER_FENCE = /^---[ \t]*$/;
const CLOSING = FRONTMATTER_FENCE;

/** Finds `---` ... `---` at the very start (after an optional BOM); yaml is [start, end). */
export function locateFrontmatter(text: string, from: number): { yamlStart: number; yamlEnd: number; bodyStart: number; bodyLine: number } | null {
  const opening = OPENING.exec(text.slice(from, from + 8));
  if (!opening) return null;
  const yamlStart = from + opening[0].length;
  let line = 2;
  for (let lineStart = yamlStart; lineStart <= text.length; line++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const content = text.slice(lineStart, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    if (CLOSING.test(content)) {
      return { yamlStart, yamlEnd: lineStart, bodyStart: newline < 0 ? text.length : newline + 1, bodyLine: line + 1 };
    }
    if (newline < 0) return null;
    lineStart = newline + 1;
  }
  return null;
}

/** Where the markdown body starts (after a BOM and any frontmatter), without parsing the YAML. */
export function frontmatterBody(text: string): { bodyStart: number; bodyLine: number } {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const found = locateFrontmatter(text, from);
  return found ? { bodyStart: found.bodyStart, bodyLine: found.bodyLine } : { bodyStart: from, bodyLine: 1 };
}
