/**
 * A linear estimate of the work micromark's inline resolvers will do on a note, so the render
 * guard can refuse notes that would freeze the reading view before handing them to remark.
 *
 * Why it is needed: micromark resolves emphasis (`*`, `_`), strikethrough (`~`) and labels
 * (`[`, `]`) per paragraph by walking its event list backwards from every closer to its opener,
 * and for each match it copies and re-resolves everything in between. Normal prose pairs its
 * delimiters a few words apart, so this is cheap; nested delimiters (`*a *a … x … a* a*`) or
 * many closers with no opener (`a] a] a] …`) make it quadratic: 18 KB took seconds, 60 KB half
 * a minute.
 *
 * The estimate replays that matching with stacks, in one pass: a matched closer costs
 * MATCH_WEIGHT per character back to its opener (walk, copy, re-resolve), a closer without an
 * opener costs WALK_WEIGHT per character back to the start of its paragraph (the walk only).
 * It errs high wherever it is unsure: paragraphs are cut only where a new block certainly starts
 * (blank lines, ATX headings, bullet items, `1.` items), so a chunk is never smaller than
 * micromark's paragraph, and an opener it cannot find within a few stack entries is charged as
 * if found at the start of the chunk. Link titles, the other quadratic case, are estimated in
 * link-title-cost.ts on the same pass.
 */
import { charAt, charBefore, group } from './char-groups';
import { LinkTitleCost, TITLE_CLOSERS } from './link-title-cost';

/** Per character walked back by a closer that finds no opener. */
export const WALK_WEIGHT = 2;
/** Per opener such a closer walks past (each costs micromark a string slice to compare markers). */
export const OPENER_WALK_WEIGHT = 8;
/** Per character between a matched pair (measured ~6x a bare walk: copy and re-resolve). */
export const MATCH_WEIGHT = 12;
/**
 * The budget: a fixed part (about 0.2 s of resolver work at worst on a slow machine) plus a
 * part per character, so large ordinary notes (~20 per character; a note all in bold italics ~24)
 * still render in full while the extra work a hostile note can buy stays linear in its size.
 */
export const BASE_BUDGET = 4_000_000;
export const BUDGET_PER_CHAR = 64;
/** How far down a stack a closer looks past openers it may not pair with (rule of 3, `~` sizes). */
const SEARCH_DEPTH = 8;

interface Opener {
  /** Offset just after the run (where micromark's walk back would stop). */
  end: number;
  size: number;
  canClose: boolean;
}

/** Resolvers whose closed spans re-resolve their inside: attention, strikethrough, labels. */
type Family = 'attention' | 'tilde' | 'label';

const STAR = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BACKSLASH = 92;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Where a line starts a block that always ends the paragraph before it (indent 0-3). */
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[-+*][ \t]+\S|1[.)][ \t]+\S)/;

class Estimator {
  cost = 0;
  /** Emphasis and strikethrough openers of the current chunk, one stack per marker. */
  private stacks = new Map<number, Opener[]>([
    [STAR, []],
    [UNDERSCORE, []],
    [TILDE, []],
  ]);
  private labels: number[] = [];
  /** Per family, the outermost spans it has closed in this chunk: sorted, disjoint. */
  private spans = new Map<Family, [number, number][]>([
    ['attention', []],
    ['tilde', []],
    ['label', []],
  ]);
  private chunkStart = 0;
  /** Openers pushed so far, and at the start of the chunk: how many a walk to the start passes. */
  private openersPushed = 0;
  private openersAtChunkStart = 0;
  private readonly titles: LinkTitleCost;
  /** Lines scanned so far: titles are charged per line ending they span. */
  private line = 0;

  constructor(private readonly text: string) {
    this.titles = new LinkTitleCost(text);
  }

  /** Everything estimated so far, link titles included. */
  get total(): number {
    return this.cost + this.titles.cost;
  }

  startChunk(at: number): void {
    this.titles.endChunk(at, this.line);
    this.chunkStart = at;
    this.openersAtChunkStart = this.openersPushed;
    for (const stack of this.stacks.values()) stack.length = 0;
    this.labels.length = 0;
    for (const list of this.spans.values()) list.length = 0;
  }

  /** Scan one line (without its line ending); returns nothing, accumulates cost. */
  scanLine(start: number, end: number): void {
    const text = this.text;
    this.line++;
    let i = start;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH && i + 1 < end && ASCII_PUNCTUATION.test(text[i + 1])) {
        i += 2;
      } else if (code === STAR || code === UNDERSCORE || code === TILDE) {
        let runEnd = i + 1;
        while (runEnd < end && text.charCodeAt(runEnd) === code) runEnd++;
        this.delimiterRun(code, i, runEnd);
        i = runEnd;
      } else if (code === OPEN_BRACKET) {
        this.labels.push(i + 1);
        i++;
      } else if (code === CLOSE_BRACKET) {
        const open = this.labels.pop();
        if (open === undefined) this.cost += this.walkToChunkStart(i, WALK_WEIGHT);
        else {
          this.cost += MATCH_WEIGHT * (i - open);
          // A link's text is resolved on its own (its openers are spent), a bare `[…]` is not.
          this.closeSpan('label', open, i);
          this.titles.labelClosed(i, this.line);
        }
        i++;
      } else {
        if (TITLE_CLOSERS.has(code)) this.titles.closer(code, i, this.line);
        i++;
      }
    }
  }

  private delimiterRun(marker: number, start: number, end: number): void {
    const size = end - start;
    // GFM: `~~~` and longer runs are literal text.
    if (marker === TILDE && size > 2) return;
    const before = group(charBefore(this.text, start, this.chunkStart));
    const afterChar = charAt(this.text, end);
    const after = group(afterChar);
    let open: boolean;
    let close: boolean;
    if (marker === TILDE) {
      open = after !== 1 && (after !== 2 || before !== 0);
      close = before !== 1 && (before !== 2 || after !== 0);
    } else {
      // `~` counts as a marker next to `*`/`_` (GFM registers it as an attention marker).
      const openLoose = after !== 1 && (after !== 2 || before !== 0 || afterChar === '~');
      const closeLoose = before !== 1 && (before !== 2 || after !== 0 || this.text[start - 1] === '~');
      open = marker === STAR ? openLoose : openLoose && (before !== 0 || !closeLoose);
      close = marker === STAR ? closeLoose : closeLoose && (after !== 0 || !openLoose);
    }
    let remaining = size;
    if (close) remaining = this.close(marker, start, remaining, open);
    if (open && remaining > 0) {
      this.stacks.get(marker)!.push({ end, size: remaining, canClose: close });
      this.openersPushed++;
    }
  }

  /** Pair a closer with openers as micromark would; returns the markers left on the closer. */
  private close(marker: number, at: number, size: number, canOpen: boolean): number {
    const stack = this.stacks.get(marker)!;
    let remaining = size;
    while (remaining > 0) {
      const index = this.findOpener(stack, remaining, canOpen, marker);
      if (index < 0) {
        // Not found: micromark walks back to the start of the paragraph. If we gave up looking
        // with openers left unsearched, it may still pair far away: charge that as a match.
        const weight = stack.length > SEARCH_DEPTH ? MATCH_WEIGHT : WALK_WEIGHT;
        this.cost += this.walkToChunkStart(at, weight);
        return remaining;
      }
      const opener = stack[index];
      // A maybe-spent opener: micromark may instead pair further back, up to the chunk start.
      this.cost += MATCH_WEIGHT * (at - (this.maybeSpent(opener.end, marker) ? this.chunkStart : opener.end));
      const use = marker === TILDE ? remaining : opener.size > 1 && remaining > 1 ? 2 : 1;
      opener.size -= use;
      remaining -= use;
      // Openers of this resolver between the pair end up inside the span, resolved there.
      this.dropOpenersAfter(opener.end, marker);
      this.closeSpan(familyOf(marker), opener.end, at);
      if (opener.size === 0) stack.splice(index, 1);
    }
    return 0;
  }

  private walkToChunkStart(at: number, weight: number): number {
    return weight * (at - this.chunkStart + OPENER_WALK_WEIGHT * (this.openersPushed - this.openersAtChunkStart));
  }

  private findOpener(stack: Opener[], size: number, canOpen: boolean, marker: number): number {
    for (let k = stack.length - 1; k >= 0 && k >= stack.length - SEARCH_DEPTH; k--) {
      const o = stack[k];
      if (marker === TILDE) {
        if (o.size === size) return k;
        continue;
      }
      // CommonMark's rule of 3.
      if ((o.canClose || canOpen) && size % 3 !== 0 && (o.size + size) % 3 === 0) continue;
      return k;
    }
    return -1;
  }

  private dropOpenersAfter(offset: number, closedBy: number): void {
    for (const [marker, stack] of this.stacks) {
      if (familyOf(marker) !== familyOf(closedBy)) continue;
      while (stack.length > 0 && stack[stack.length - 1].end > offset) stack.pop();
    }
  }

  private closeSpan(family: Family, start: number, end: number): void {
    const list = this.spans.get(family)!;
    while (list.length > 0 && list[list.length - 1][0] >= start) list.pop();
    list.push([start, end]);
  }

  /**
   * Whether an opener lies inside a span another resolver closed: whether micromark still sees
   * it then depends on which resolver ran first (or whether a label became a link).
   */
  private maybeSpent(offset: number, marker: number): boolean {
    for (const [family, list] of this.spans) {
      if (family === familyOf(marker)) continue;
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid][1] < offset) lo = mid + 1;
        else if (list[mid][0] >= offset) hi = mid - 1;
        else return true;
      }
    }
    return false;
  }
}

function familyOf(marker: number): Family {
  return marker === TILDE ? 'tilde' : 'attention';
}

/** Whether the line holds only whitespace (without copying it: lines can be a megabyte). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The estimated cost (in walked characters, weighted) of the note's inline markup. */
export function inlineCost(markdown: string): number {
  const estimator = new Estimator(markdown);
  let start = 0;
  let afterHeading = false;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    // Only the line's head decides whether a block starts here (keeps huge lines linear).
    const head = markdown.slice(start, Math.min(end, start + 16));
    const blank = isBlank(markdown, start, end);
    const blockStart = BLOCK_START.test(head);
    if (blank || blockStart || afterHeading) estimator.startChunk(start);
    afterHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/.test(head);
    if (!blank) estimator.scanLine(start, end);
    start = end + 1;
  }
  estimator.startChunk(markdown.length);
  return estimator.total;
}

/** Why the note's inline markup cannot be laid out in reasonable time, or null when it can. */
export function inlineCostReason(markdown: string): string | null {
  const budget = BASE_BUDGET + BUDGET_PER_CHAR * markdown.length;
  return inlineCost(markdown) > budget ? 'its emphasis, strikethrough or link markers are nested or unmatched too heavily to lay out quickly' : null;
}
