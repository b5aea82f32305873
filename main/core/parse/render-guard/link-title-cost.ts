/**
 * The link-title part of the inline-cost estimate (inline-cost.ts feeds it).
 *
 * Why it is needed: at every `]` that closes a label, micromark tries the resource `(dest "title")`
 * and, after the destination, a title opened by `"`, `'` or `(` is read up to its closing marker
 * (`"`, `'`, `)`) or the end of the paragraph, then thrown away if the resource fails. A title's
 * text may hold anything, other links' `[`, `](` and title openers included, so `[a](b (` repeated
 * makes every attempt read the rest of the paragraph: quadratic (21 KB took seconds). Destinations
 * need no estimate: a raw destination stops at whitespace or once 32 `(` are open, so at most 33
 * of them overlap anywhere; an enclosed one (`<…>`) stops at the next `<`, `>` or line end.
 *
 * The estimate charges each title attempt for the characters and line endings from its opener to
 * the next closing marker; one still open when a chunk ends is charged to the chunk's start,
 * which is never before micromark's paragraph end.
 */

/** Per title character read (measured ~5 units of the emphasis weights' scale). */
export const TITLE_WEIGHT = 6;
/** Per line ending inside a title (a line-ending token and a line-prefix attempt: measured ~60 units). */
export const TITLE_LINE_WEIGHT = 64;
/** micromark's cap on open parentheses in a raw destination. */
const DESTINATION_PAREN_LIMIT = 32;

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const LESS_THAN = 60;
const GREATER_THAN = 62;
const BACKSLASH = 92;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** The codes that close a title, each with the opener that starts one. */
export const TITLE_CLOSERS: ReadonlySet<number> = new Set([CLOSE_PAREN, DOUBLE_QUOTE, SINGLE_QUOTE]);

interface Attempt {
  /** Offset of the title's opening marker. */
  at: number;
  /** Line of the opener, counted by the estimator. */
  line: number;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function isLineEnding(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** micromark's destination escapes: only the destination's own markers and `\\`. */
function isEscapable(code: number, open: number, close: number): boolean {
  return code === open || code === close || code === BACKSLASH;
}

export class LinkTitleCost {
  cost = 0;
  /** Open title attempts by closing marker. */
  private pending = new Map<number, Attempt[]>([
    [CLOSE_PAREN, []],
    [DOUBLE_QUOTE, []],
    [SINGLE_QUOTE, []],
  ]);

  constructor(private readonly text: string) {}

  /**
   * A label closed by the `]` at `index`, on line `line`: if a resource follows, note its title
   * attempt. Reads only the resource's destination and the whitespace around it.
   */
  labelClosed(index: number, line: number): void {
    const text = this.text;
    if (text.charCodeAt(index + 1) !== OPEN_PAREN) return;
    let lines = 0;
    const skip = (from: number): number => {
      let i = from;
      let endings = 0;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (isSpaceOrTab(code)) i++;
        else if (isLineEnding(code)) {
          // A second line ending here would be a blank line: the paragraph has ended.
          if (endings === 1) return -1;
          endings++;
          i += code === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED ? 2 : 1;
        } else break;
      }
      lines += endings;
      return i;
    };
    let i = skip(index + 2);
    if (i < 0) return;
    i = this.destinationEnd(i);
    if (i < 0) return;
    i = skip(i);
    if (i < 0 || i >= text.length) return;
    const opener = text.charCodeAt(i);
    const closer = opener === OPEN_PAREN ? CLOSE_PAREN : opener === DOUBLE_QUOTE || opener === SINGLE_QUOTE ? opener : -1;
    if (closer >= 0) this.pending.get(closer)!.push({ at: i, line: line + lines });
  }

  /** An unescaped title closer at `index` on line `line`: it ends the attempts opened before it. */
  closer(code: number, index: number, line: number): void {
    const list = this.pending.get(code);
    if (!list || list.length === 0) return;
    // Attempts whose opener lies ahead (inside a destination still being read) stay; at most a
    // few dozen, since destinations overlap at most 33 deep.
    let kept = 0;
    for (const attempt of list) {
      if (attempt.at < index) this.charge(attempt, index, line);
      else list[kept++] = attempt;
    }
    list.length = kept;
  }

  /** The chunk ends at `at` (line `line` is its last): every open attempt read to here. */
  endChunk(at: number, line: number): void {
    for (const list of this.pending.values()) {
      for (const attempt of list) if (attempt.at < at) this.charge(attempt, at, line);
      list.length = 0;
    }
  }

  private charge(attempt: Attempt, end: number, line: number): void {
    this.cost += TITLE_WEIGHT * (end - attempt.at) + TITLE_LINE_WEIGHT * Math.max(0, line - attempt.line);
  }

  /** Where the destination starting at `from` ends (micromark's rules), or -1 if it fails. */
  private destinationEnd(from: number): number {
    const text = this.text;
    if (text.charCodeAt(from) === LESS_THAN) {
      for (let i = from + 1; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === GREATER_THAN) return i + 1;
        if (code === LESS_THAN || isLineEnding(code)) return -1;
        if (code === BACKSLASH && isEscapable(text.charCodeAt(i + 1), LESS_THAN, GREATER_THAN)) i++;
      }
      return -1;
    }
    let balance = 0;
    let i = from;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code <= 32 || code === 127) break;
      if (code === OPEN_PAREN) {
        if (balance >= DESTINATION_PAREN_LIMIT) return -1;
        balance++;
      } else if (code === CLOSE_PAREN) {
        if (balance === 0) break;
        balance--;
      } else if (code === BACKSLASH && isEscapable(text.charCodeAt(i + 1), OPEN_PAREN, CLOSE_PAREN)) i++;
    }
    return balance === 0 ? i : -1;
  }
}
