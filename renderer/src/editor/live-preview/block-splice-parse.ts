/**
 * Reparsing after an edit touches only the top-level blocks around it. lezer-markdown reuses the
 * old tree, but block by block: after a keystroke it still takes every top-level block of the
 * note back one at a time, rebuilds the document node over all of them, and parseMixed then
 * walks them all again, so a keystroke costs time in proportion to the note's length.
 *
 * This parse wrapper goes around the whole markdown parser (nested parsers included). When old
 * trees cover the text before and after the edit, it parses afresh only from the top-level block
 * before the edit (a top-level block starts with nothing open, and the text before it is unchanged) to
 * the first old top-level block after the edit that the new parse also starts a top-level block
 * at (from there on the parser is in the same state over the same text, so the old blocks
 * stand). The result is the old tree's pieces before, the new blocks, and the old pieces after,
 * balanced as lezer-markdown balances the document. Whenever a condition fails it hands over to
 * the normal incremental parse, which is always right, only slower.
 */
import { NodeProp, NodeType, Tree, TreeBuffer, type Input, type ParseWrapper, type PartialParse, type TreeFragment } from '@lezer/common';

/** How many old top-level blocks after the edit are tried as the place where the parses agree again. */
const SYNC_CANDIDATES = 6;
/**
 * The most text parsed afresh: the span from the block before the edit to the old text after it
 * (longer when an unfinished parse left a gap), or to the note's end when no old text follows.
 */
const MAX_FRESH = 20_000;

interface Piece {
  node: Tree | TreeBuffer;
  pos: number;
}

/**
 * Appends to `out` the subtrees of `tree` (at `start`) lying inside [from, to), shifted by
 * `shift`, descending into the balancing nodes that straddle an end. False when a real node or
 * a buffer straddles one (the cut is then not at a top-level block boundary).
 */
function collect(tree: Tree, start: number, from: number, to: number, shift: number, out: Piece[]): boolean {
  for (let i = 0; i < tree.children.length; i++) {
    const child = tree.children[i];
    const pos = start + tree.positions[i];
    const end = pos + child.length;
    if (end <= from || pos >= to) continue;
    if (pos >= from && end <= to) out.push({ node: child, pos: pos + shift });
    else if (child instanceof TreeBuffer || !child.type.isAnonymous || !collect(child, pos, from, to, shift, out)) return false;
  }
  return true;
}

/** Reads the text from `pos` to the end of its line. */
function lineEnd(input: Input, pos: number): number {
  for (let at = pos; at < input.length;) {
    const chunk = input.read(at, Math.min(input.length, at + 1024));
    const nl = chunk.indexOf('\n');
    if (nl >= 0) return at + nl;
    at += chunk.length;
  }
  return input.length;
}

/** The starts of the top-level blocks of `tree`. */
function topStarts(tree: Tree): Set<number> {
  const starts = new Set<number>();
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) starts.add(node.from);
  return starts;
}

/**
 * The spliced tree for `input` from the fragments of one previous tree, or null when the quick
 * way does not apply. `reparse` parses a range of the new text from scratch.
 */
export function spliceReparse(
  input: Input,
  fragments: readonly TreeFragment[],
  stoppedAt: number | null,
  reparse: (from: number, to: number) => Tree,
): Tree | null {
  if (!fragments.length) return null;
  // The old text before the edit, parsed (a partial tree is fine: its blocks before the last stand).
  const head = fragments[0].from === 0 && fragments[0].offset === 0 ? fragments[0] : null;
  // The old text after it, up to the end of the tree that parsed it.
  const last = fragments[fragments.length - 1];
  const tail = last !== head && last.to === last.tree.length - last.offset ? last : null;
  const hash = balanceHash(head?.tree) ?? balanceHash(tail?.tree);
  if (hash === undefined || (!head && !tail)) return null;
  const type = (head ?? tail)!.tree.type;
  const editFrom = head ? head.to : 0;

  // From the block before the one the edit starts in (the edit may join it to the one before).
  let from = 0;
  if (head) {
    const top = head.tree.topNode;
    const touched = top.childAfter(Math.max(0, editFrom - 1));
    const before = touched ? touched.prevSibling : top.lastChild;
    from = before ? before.from : 0;
  }

  let length = input.length;
  const candidates: { oldPos: number; newPos: number }[] = [];
  if (tail) {
    const off = tail.offset;
    if (tail.from - from > MAX_FRESH) return null;
    length = tail.tree.length - off;
    if (length < input.length && (stoppedAt === null || stoppedAt > length)) return null;
    const top = tail.tree.topNode;
    let node = top.childAfter(tail.from + off);
    if (node && node.from < tail.from + off) node = node.nextSibling;
    for (; node && candidates.length < SYNC_CANDIDATES; node = node.nextSibling) candidates.push({ oldPos: node.from, newPos: node.from - off });
  }
  if (!candidates.length && input.length - from > MAX_FRESH) return null;

  const to = candidates.length ? lineEnd(input, candidates[candidates.length - 1].newPos) : input.length;
  const fresh = reparse(from, to);
  let sync: { oldPos: number; newPos: number } | null = null;
  if (candidates.length) {
    const starts = topStarts(fresh);
    sync = candidates.find((c) => starts.has(c.newPos - from)) ?? null;
    if (!sync) return null;
  }

  const pieces: Piece[] = [];
  if (head && from > 0 && !collect(head.tree, 0, 0, from, 0, pieces)) return null;
  const freshEnd = sync ? sync.newPos : input.length;
  if (!collect(fresh, from, from, freshEnd, 0, pieces)) return null;
  if (sync && tail && !collect(tail.tree, 0, sync.oldPos, tail.tree.length, sync.newPos - sync.oldPos, pieces)) return null;

  const props = [[NodeProp.contextHash, hash]] as [NodeProp<number>, number][];
  return new Tree(
    type,
    pieces.map((p) => p.node),
    pieces.map((p) => p.pos),
    length,
  ).balance({ makeTree: (children, positions, len) => new Tree(NodeType.none, children, positions, len, props) });
}

/** The context hash lezer-markdown puts on the document's balancing nodes (its fragment reuse checks it). */
function balanceHash(tree: Tree | undefined): number | undefined {
  if (!tree) return undefined;
  for (const child of tree.children) if (child instanceof Tree && child.type.isAnonymous) return child.prop(NodeProp.contextHash);
  return undefined;
}

class SplicedParse implements PartialParse {
  stoppedAt: number | null = null;
  private tried = false;

  constructor(
    private readonly inner: PartialParse,
    private readonly attempt: (stoppedAt: number | null) => Tree | null,
  ) {}

  get parsedPos(): number {
    return this.inner.parsedPos;
  }

  advance(): Tree | null {
    if (!this.tried) {
      this.tried = true;
      const tree = this.attempt(this.stoppedAt);
      if (tree) return tree;
    }
    return this.inner.advance();
  }

  stopAt(pos: number): void {
    this.stoppedAt = pos;
    this.inner.stopAt(pos);
  }
}

/**
 * The wrapper. `parseRange` parses [from, to) of an input afresh with the full parser (as a
 * tree whose positions start at `from`); the wrapper passes such parses, which have no
 * fragments, straight through.
 */
export function blockSpliceWrapper(parseRange: (input: Input, from: number, to: number) => Tree): ParseWrapper {
  return (inner, input, fragments, ranges) => {
    if (!fragments.length || ranges.length !== 1 || ranges[0].from !== 0 || ranges[0].to !== input.length) return inner;
    return new SplicedParse(inner, (stoppedAt) => spliceReparse(input, fragments, stoppedAt, (from, to) => parseRange(input, from, to)));
  };
}
