/**
 * "The first accepted candidate at or after `from`", remembering the last answer, so that a
 * series of searches for the same closer (a code span's backticks, `$`, `-->`, a title's quote)
 * from positions that move forward reads each character once in all instead of once per search.
 * That is what keeps 10k unclosed `` ` `` or `[a](b (` linear.
 */
export class ForwardSearch {
  /** No accepted candidate lies in [knownFrom, knownTo); `found` is the one at knownTo, or -1. */
  private knownFrom = -1;
  private knownTo = -1;
  private found = -1;

  /**
   * @param next the next candidate at or after an offset, or -1 (e.g. an indexOf)
   * @param accept whether a candidate counts; must depend on the candidate's offset alone
   */
  constructor(
    private readonly next: (from: number) => number,
    private readonly accept: (at: number) => boolean,
  ) {}

  /** The first accepted candidate in [from, before), or -1. */
  find(from: number, before: number): number {
    let scanFrom = from;
    if (from >= this.knownFrom && from <= this.knownTo) {
      if (this.found >= 0) return this.found < before ? this.found : -1;
      if (this.knownTo >= before) return -1;
      scanFrom = this.knownTo;
    } else {
      this.knownFrom = from;
    }
    for (let at = this.next(scanFrom); at >= 0 && at < before; at = this.next(at + 1)) {
      if (this.accept(at)) {
        this.knownTo = at;
        this.found = at;
        return at;
      }
    }
    this.knownTo = Math.max(scanFrom, before);
    this.found = -1;
    return -1;
  }
}
