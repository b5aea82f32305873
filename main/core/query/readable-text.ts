/**
 * A line or paragraph of markdown as a reader sees it, for snippets (search results,
 * backlinks, unlinked mentions): emphasis marks, code ticks, comments, HTML tags, block
 * prefixes (`#`, `>`, `- [ ]`) and block ids go; a wiki link shows its alias, or its target
 * (`Note › Heading`), a markdown link its text; `%20` and other escapes in targets are decoded.
 * Where each link ended up in the text is reported, so callers can mark links to a note.
 *
 * Snippet markers (U+E000/U+E001) in the input are dropped: they are ours to add afterwards.
 */

export interface ReadableLink {
  /** The target as written, without `|alias` and `#subpath`, URI-decoded. */
  target: string;
  from: number;
  to: number;
}

export interface ReadableText {
  text: string;
  links: ReadableLink[];
}

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
/** Stands for one atom (link, code, escaped character) while emphasis is stripped around it. */
const SLOT = '\uE010';

interface Atom {
  text: string;
  target: string | null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // not valid percent-encoding: show it as written
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How `[[target#sub]]` reads without an alias, as the note view labels it: `Note › Heading`, `Heading` for `[[#Heading]]`, `Note › ^id` for a block. */
function wikiDisplay(inner: string): string {
  const hash = inner.indexOf('#');
  const note = safeDecode((hash < 0 ? inner : inner.slice(0, hash)).trim());
  const sub = hash < 0 ? '' : inner.slice(hash + 1).trim();
  const shownSub = sub.startsWith('^')
    ? sub
    : sub
        .split('#')
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join(' › ');
  if (note === '') return shownSub;
  return shownSub === '' ? note : `${note} › ${shownSub}`;
}

function wikiTarget(inner: string): string {
  const hash = inner.indexOf('#');
  return safeDecode((hash < 0 ? inner : inner.slice(0, hash)).trim());
}

/** Longest link, code span or emphasis looked for: bounds every scan, so a long line of unclosed brackets stays linear. */
const MAX_SPAN = 400;

/** Index just past the `)` closing a markdown link destination that starts at `open` ('('), or -1. */
function closeParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open, end = Math.min(text.length, open + MAX_SPAN); i < end; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(' && ++depth > 2) return -1;
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** Index of the `]` closing a bracket opened at `open`, allowing one level of nesting, or -1. */
function closeBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open, end = Math.min(text.length, open + MAX_SPAN); i < end; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[' && ++depth > 2) return -1;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function destination(raw: string): string {
  let dest = raw.trim();
  // A title after the destination: `(url "title")`.
  const titled = /^(<[^>]*>|\S+)\s+["'(]/.exec(dest);
  if (titled) dest = titled[1];
  if (dest.startsWith('<') && dest.endsWith('>')) dest = dest.slice(1, -1);
  return safeDecode(dest);
}

const BLOCK_PREFIX = /^\s*(?:>\s?)*\s*(?:#{1,6}\s+|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX\-/]\]\s+)?)?(?:\[![\w-]+\][+-]?\s*)?/;
const BLOCK_ID = /\s\^[A-Za-z0-9-]+\s*$/;
const CLOSING_HASHES = /\s+#+\s*$/;

/** Drops what starts or ends a markdown line but is not read: quote marks, heading hashes, list and task markers, block ids. */
function stripLine(line: string): string {
  const heading = /^\s*(?:>\s?)*\s*#{1,6}\s/.test(line);
  let out = line.replace(BLOCK_PREFIX, '').replace(BLOCK_ID, '');
  if (heading) out = out.replace(CLOSING_HASHES, '');
  if (/^\s*\|.*\|\s*$/.test(out))
    out = out
      .replace(/^\s*\|/, '')
      .replace(/\|\s*$/, '')
      .replace(/\s*\|\s*/g, ' · ');
  if (/^\s*(?:[-*_]\s*){3,}$/.test(out) || /^\s*(```|~~~)/.test(out)) out = '';
  return out;
}

/** Replaces links, code spans, autolinks, HTML tags and escapes with SLOTs, collecting what each one reads as. */
function extractAtoms(text: string, atoms: Atom[]): string {
  let out = '';
  let i = 0;
  // The next `]]` at or after some point, found once and reused: a line of unclosed `[[` stays linear.
  let wikiClose = -1;
  const slot = (atom: Atom) => {
    atoms.push(atom);
    out += SLOT;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      slot({ text: text[i + 1], target: null });
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      const close = text.slice(i + run, i + run + MAX_SPAN).indexOf(fence);
      if (close >= 0) {
        const end = i + run + close;
        slot({ text: text.slice(i + run, end).trim(), target: null });
        i = end + run;
        continue;
      }
      out += fence;
      i += run;
      continue;
    }
    const embed = c === '!' && text[i + 1] === '[';
    const at = embed ? i + 1 : i;
    if (text[at] === '[' && text[at + 1] === '[') {
      if (wikiClose !== Infinity && wikiClose < at + 2) {
        wikiClose = text.indexOf(']]', at + 2);
        if (wikiClose < 0) wikiClose = Infinity;
      }
      const close = wikiClose - at - 2 <= MAX_SPAN ? wikiClose : -1;
      if (close > 0 && !text.slice(at + 2, close).includes('\n')) {
        const inner = text.slice(at + 2, close);
        const bar = inner.indexOf('|');
        const targetPart = bar < 0 ? inner : inner.slice(0, bar);
        const alias = bar < 0 ? '' : inner.slice(bar + 1).trim();
        slot({ text: alias !== '' ? alias : wikiDisplay(targetPart), target: wikiTarget(targetPart) });
        i = close + 2;
        continue;
      }
    }
    if (text[at] === '[') {
      const close = closeBracket(text, at);
      if (close > 0) {
        const label = text.slice(at + 1, close);
        if (!embed && label.startsWith('^')) {
          i = close + 1; // footnote reference
          continue;
        }
        if (text[close + 1] === '(') {
          const end = closeParen(text, close + 1);
          if (end > 0) {
            const target = destination(text.slice(close + 2, end - 1));
            const shown = readableInline(label).text;
            slot({ text: shown !== '' ? shown : embed ? '' : target, target: target.replace(/#.*$/, '') });
            i = end;
            continue;
          }
        }
        if (text[close + 1] === '[') {
          const refFound = text.slice(close + 2, close + 2 + MAX_SPAN).indexOf(']');
          const refEnd = refFound < 0 ? -1 : close + 2 + refFound;
          if (refEnd > 0) {
            slot({ text: readableInline(label).text, target: null });
            i = refEnd + 1;
            continue;
          }
        }
      }
    }
    if (c === '<') {
      const auto = /^<((?:https?|mailto|ftp):[^\s<>]*)>/i.exec(text.slice(i, i + 2048));
      if (auto) {
        slot({ text: auto[1], target: null });
        i += auto[0].length;
        continue;
      }
      const tag = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/.exec(text.slice(i, i + 2048));
      if (tag) {
        out += /^<(br|\/p|\/div|\/li)/i.test(tag[0]) ? ' ' : '';
        i += tag[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

// Spans are bounded ({0,400}) so an unclosed `**` on a long line is not searched to its end from every opener.
const EMPHASIS: [RegExp, string][] = [
  [/\*\*(?=\S)([^]{0,400}?\S)\*\*/g, '$1'],
  [/(?<![\p{L}\p{N}])__(?=\S)([^]{0,400}?\S)__(?![\p{L}\p{N}])/gu, '$1'],
  [/~~(?=\S)([^]{0,400}?\S)~~/g, '$1'],
  [/==(?=\S)([^]{0,400}?\S)==/g, '$1'],
  [/(?<![*\\])\*(?=[^\s*])([^*]{0,400}?[^\s*\\])\*(?!\*)/g, '$1'],
  [/(?<![*\\])\*(?=[^\s*])([^*])\*(?!\*)/g, '$1'],
  [/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]{0,400}?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1'],
  [/(?<![\p{L}\p{N}_])_([^\s_])_(?![\p{L}\p{N}_])/gu, '$1'],
];

function stripEmphasis(text: string): string {
  let out = text;
  // Twice, for emphasis nested in emphasis (`***both***`, `**a _b_**`).
  for (let round = 0; round < 2; round++) for (const [pattern, replacement] of EMPHASIS) out = out.replace(pattern, replacement);
  return out;
}

export function readableInline(markdown: string): ReadableText {
  const cleaned = markdown.replace(/[\uE000\uE001\uE010]/g, '').replace(/%%[^]*?%%/g, ' ');
  const lines = cleaned.split(/\r?\n/).map(stripLine);
  const atoms: Atom[] = [];
  const shell = collapse(stripEmphasis(extractAtoms(lines.join('\n'), atoms)));
  let text = '';
  const links: ReadableLink[] = [];
  let next = 0;
  for (const ch of shell) {
    if (ch !== SLOT) {
      text += ch;
      continue;
    }
    const atom = atoms[next++];
    const shown = collapse(atom.text);
    if (atom.target !== null) links.push({ target: atom.target, from: text.length, to: text.length + shown.length });
    text += shown;
  }
  return { text, links };
}

/** Wraps each [from, to) range of `text` in the snippet markers; ranges may overlap and come in any order. */
export function markRanges(text: string, ranges: readonly { from: number; to: number }[]): string {
  const sorted = ranges.filter((r) => r.to > r.from).sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ from: r.from, to: r.to });
  }
  let out = '';
  let at = 0;
  for (const r of merged) {
    out += text.slice(at, r.from) + MATCH_START + text.slice(r.from, r.to) + MATCH_END;
    at = r.to;
  }
  return out + text.slice(at);
}
