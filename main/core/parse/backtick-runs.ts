/**
 * The backtick runs of a region, listed once by length, so a code span finds its closer (the
 * next run of exactly the same length) without searching the text once per distinct length
 * (runs of 1, 2, 3... backticks would make that n^1.5).
 */
export class BacktickRuns {
  /** Starts of the runs in the region, by run length, ascending; built on first use. */
  private runs: Map<number, number[]> | null = null;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly limit: number,
  ) {}

  /** Start of the first run of exactly `length` backticks at or after `from` that ends by the region's limit, or -1. */
  after(length: number, from: number): number {
    const runs = this.byLength().get(length);
    if (!runs) return -1;
    let low = 0;
    let high = runs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (runs[middle] < from) low = middle + 1;
      else high = middle;
    }
    return low < runs.length ? runs[low] : -1;
  }

  private byLength(): Map<number, number[]> {
    if (this.runs) return this.runs;
    const byLength = new Map<number, number[]>();
    const text = this.text;
    for (let at = text.indexOf('`', this.start); at >= 0 && at < this.limit;) {
      let end = at;
      while (text.charCodeAt(end) === 96) end++;
      if (end <= this.limit && text.charCodeAt(at - 1) !== 96) {
        const runs = byLength.get(end - at);
        if (runs) runs.push(at);
        else byLength.set(end - at, [at]);
      }
      at = text.indexOf('`', end);
    }
    this.runs = byLength;
    return byLength;
  }
}
