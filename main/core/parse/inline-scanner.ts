/**
 * One left-to-right pass over an inline region: skips code spans, math, HTML comments, inline
 * HTML and autolinks, and reports wiki links, markdown links to local files, tags and block ids.
 *
 * A link's label is scanned as a region of its own (CommonMark: a label holding a link makes
 * the outer brackets text, so the scanner must know what the label holds). Each label is scanned
 * once: label ends come from one bracket pass (labelEnds), each `[`'s match and label scan are
 * remembered, and when a label holding a link turns out to be text, its findings are reused
 * instead of rescanning it, unless a token in it read up to the label's end (a code span or a
 * link that would close past it); only then are those characters read again at the outer level.
 * Closer searches are shared and remember their last answer. So the pass is linear in the
 * region's length; tests/core/parse/scanner-linearity.test.ts holds it to that for nests and
 * floods of every delimiter (before, `[[[x](y)](y)](y)` 32 deep took 2^32 steps).
 */
import { appendAll } from './append-all';
import { BacktickRuns } from './backtick-runs';
import { findBlockIds, type BlockIdAt } from './block-ids';
import { ForwardSearch } from './forward-search';
import { htmlTagLength } from './inline-html';
import { labelEnds, matchLabelEnd, matchMarkdownLinkAfterLabel, TitleCloses, toLocalLinkTarget, type MarkdownLinkMatch } from './markdown-link-syntax';
import type { RawLink } from './raw-link';
import { readTagAt } from './tags';
import { isWhitespace } from './whitespace';
import { matchWikiLinkEnd, splitWikiLinkInner } from './wiki-link-syntax';

export interface InlineFindings {
  links: RawLink[];
  tags: string[];
  /** Block ids with the offset of their `^`. */
  blockIds: BlockIdAt[];
  /** Set when a markdown link (local or not, not an image) was matched; see scanLink. */
  sawMarkdownLink?: boolean;
}

/** What one scan of [from, limit) found. */
interface RegionScan {
  links: RawLink[];
  tags: string[];
  /** Ranges whose text belongs to code, math or HTML; block ids inside them do not count. */
  opaque: number[];
  sawMarkdownLink: boolean;
  /** Where the scan stopped (at or just past the limit). */
  end: number;
  /** Some token read up to the limit, so a scan with a later limit could read this text differently. */
  limitMattered: boolean;
}

export function scanInline(text: string, start: number, limit: number, withBlockIds: boolean, out: InlineFindings): void {
  const found = new InlineScan(text, start, limit).scan(start, limit);
  appendAll(out.links, found.links);
  appendAll(out.tags, found.tags);
  if (found.sawMarkdownLink) out.sawMarkdownLink = true;
  if (withBlockIds) findBlockIds(text, start, limit, found.opaque, out.blockIds);
}

/**
 * The state shared by the scan of one region and of every label in it. Every token is matched
 * against the region's limit and then held to the limit of the scan at hand; when that cut
 * changes the token, the scan is marked `limitMattered`.
 */
class InlineScan {
  private labelEndOf: Map<number, number> | null = null;
  private readonly linkAt = new Map<number, MarkdownLinkMatch | null>();
  private readonly labelScans = new Map<number, RegionScan>();
  private readonly closers = new Map<string, ForwardSearch>();
  private readonly titles: TitleCloses;
  private readonly backtickRuns: BacktickRuns;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly limit: number,
  ) {
    this.titles = new TitleCloses(text);
    this.backtickRuns = new BacktickRuns(text, start, limit);
  }

  scan(from: number, limit: number): RegionScan {
    const text = this.text;
    const found: RegionScan = { links: [], tags: [], opaque: [], sawMarkdownLink: false, end: from, limitMattered: false };
    let i = from;
    while (i < limit) {
      const code = text.charCodeAt(i);
      switch (code) {
        case 92: // backslash escape
          i += 2;
          break;
        case 96: // code span: closes at a run of exactly the same length
          i = this.skipCode(i, limit, found);
          break;
        case 36: // $math$ and $$math$$
          i = this.skipMath(i, limit, found);
          break;
        case 60: // <!-- comment -->, <tag>, <scheme:autolink>
          i = this.skipHtml(i, limit, found);
          break;
        case 33: // ! starts an embed
          if (text.charCodeAt(i + 1) === 91) i = this.scanLink(i + 1, limit, true, found);
          else i++;
          break;
        case 91:
          i = this.scanLink(i, limit, false, found);
          break;
        case 35: {
          const tag = isWhitespace(text.charCodeAt(i - 1)) || i === 0 ? this.readTag(i + 1, limit, found) : null;
          if (tag) found.tags.push(tag);
          i += 1 + (tag ? tag.length : 0);
          break;
        }
        default:
          i++;
      }
    }
    found.end = i;
    return found;
  }

  /** The first accepted `closer` at or after `from` that ends by the region's limit, or -1. */
  private findCloser(closer: string, from: number, accept: (at: number) => boolean): number {
    let search = this.closers.get(closer);
    if (!search) {
      const text = this.text;
      search = new ForwardSearch((at) => text.indexOf(closer, at), accept);
      this.closers.set(closer, search);
    }
    return search.find(from, this.limit - closer.length + 1);
  }

  /** findCloser held to `limit`: -1 when the closer ends past it (and then the limit mattered). */
  private closerWithin(closer: string, from: number, limit: number, found: RegionScan, accept: (at: number) => boolean = () => true): number {
    const at = this.findCloser(closer, from, accept);
    if (at < 0 || at + closer.length <= limit) return at;
    found.limitMattered = true;
    return -1;
  }

  private skipCode(i: number, limit: number, found: RegionScan): number {
    const text = this.text;
    let run = i;
    while (run < limit && text.charCodeAt(run) === 96) run++;
    if (run === limit && text.charCodeAt(run) === 96 && limit < this.limit) found.limitMattered = true;
    const length = run - i;
    const close = this.backtickRuns.after(length, run);
    if (close >= 0 && close + length > limit) found.limitMattered = true;
    if (close < 0 || close + length > limit) return run;
    found.opaque.push(i, close + length);
    return close + length;
  }

  private skipMath(i: number, limit: number, found: RegionScan): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) === 36) {
      const close = this.closerWithin('$$', i + 2, limit, found);
      if (close < 0) return i + 2;
      found.opaque.push(i, close + 2);
      return close + 2;
    }
    // Pandoc's rule keeps prices like "$5 and $10" out of math: no space inside the delimiters,
    // and no digit right after the closing one.
    const next = text.charCodeAt(i + 1);
    if (isWhitespace(next)) return i + 1;
    if (i + 1 >= limit) {
      if (i + 1 < this.limit) found.limitMattered = true;
      return i + 1;
    }
    const close = this.closerWithin(
      '$',
      i + 2,
      limit,
      found,
      (at) => !isWhitespace(text.charCodeAt(at - 1)) && text.charCodeAt(at - 1) !== 92 && !(text.charCodeAt(at + 1) >= 48 && text.charCodeAt(at + 1) <= 57),
    );
    if (close < 0) return i + 1;
    found.opaque.push(i, close + 1);
    return close + 1;
  }

  private skipHtml(i: number, limit: number, found: RegionScan): number {
    const text = this.text;
    if (text.startsWith('<!--', i)) {
      const close = this.closerWithin('-->', i + 4, limit, found);
      if (close < 0) return i + 1;
      found.opaque.push(i, close + 3);
      return close + 3;
    }
    const next = text.charCodeAt(i + 1);
    const startsName = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47;
    if (!startsName) return i + 1;
    // A match in the region's window that ends by `limit` is also the match in the shorter
    // window (nothing here looks past what it consumes); otherwise the shorter window decides.
    let length = htmlTagLength(text, i, this.limit);
    if (length > 0 && i + length > limit) {
      found.limitMattered = true;
      length = htmlTagLength(text, i, limit);
    }
    if (length === 0) return i + 1;
    found.opaque.push(i, i + length);
    return i + length;
  }

  private readTag(from: number, limit: number, found: RegionScan): string | null {
    const tag = readTagAt(this.text, from, limit);
    if (limit < this.limit && readTagAt(this.text, from, this.limit) !== tag) found.limitMattered = true;
    return tag;
  }

  /** Returns the offset to continue from; records the link when `[` at `open` starts one. */
  private scanLink(open: number, limit: number, embed: boolean, found: RegionScan): number {
    const text = this.text;
    const linkStart = embed ? open - 1 : open;
    if (text.charCodeAt(open + 1) === 91) {
      const end = matchWikiLinkEnd(text, open, this.limit);
      if (end >= 0 && end <= limit) {
        const parts = splitWikiLinkInner(text.slice(open + 2, end - 2));
        found.links.push({ kind: 'wiki', embed, ...parts, start: linkStart, end, inFrontmatter: false });
        return end;
      }
      if (end >= 0) found.limitMattered = true;
      // `[[[x]] y](z.md)` is a markdown link whose label holds a wiki link.
    }
    const match = this.markdownLinkAt(open);
    if (!match) return open + 1;
    if (match.end > limit) {
      found.limitMattered = true;
      return open + 1;
    }
    // A link's label is inline content: it may hold images, wiki links and tags, but CommonMark
    // forbids links inside links, so a label that holds one makes the outer brackets plain text.
    // An image's description is only alt text (remark keeps no nodes there), so it is not scanned.
    const label = embed ? null : this.labelScan(open, match);
    if (label?.sawMarkdownLink) {
      // The brackets are text and the label is read at this level. Unless some token in it
      // depended on the label's end, that reading is the label scan's own: reuse it.
      if (label.limitMattered) return open + 1;
      appendAll(found.links, label.links);
      appendAll(found.tags, label.tags);
      appendAll(found.opaque, label.opaque);
      found.sawMarkdownLink = true;
      return label.end;
    }
    if (!embed) found.sawMarkdownLink = true;
    const local = toLocalLinkTarget(match.destination);
    if (local) {
      const alias = match.label.trim();
      found.links.push({
        kind: 'markdown',
        embed,
        ...local,
        text: match.destination,
        alias: alias === '' ? null : alias,
        start: linkStart,
        end: match.end,
        inFrontmatter: false,
      });
    }
    if (label) {
      appendAll(found.links, label.links);
      appendAll(found.tags, label.tags);
    }
    return match.end;
  }

  /** The markdown link starting at `open` as far as the region's limit allows, remembered. */
  private markdownLinkAt(open: number): MarkdownLinkMatch | null {
    const known = this.linkAt.get(open);
    if (known !== undefined) return known;
    this.labelEndOf ??= labelEnds(this.text, this.start, this.limit);
    // Every `[` the scan reaches is in the bracket pass; the fallback only guards that claim.
    const labelEnd = this.labelEndOf.get(open) ?? matchLabelEnd(this.text, open, this.limit);
    const match = matchMarkdownLinkAfterLabel(this.text, open, labelEnd, this.limit, this.titles);
    this.linkAt.set(open, match);
    return match;
  }

  private labelScan(open: number, match: MarkdownLinkMatch): RegionScan {
    let label = this.labelScans.get(open);
    if (!label) {
      label = this.scan(open + 1, open + 1 + match.label.length);
      this.labelScans.set(open, label);
    }
    return label;
  }
}
