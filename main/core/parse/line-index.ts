/** Offsets to 1-based line numbers, and the context snippet shown next to a link. */

const CONTEXT_RADIUS = 100;
const CONTEXT_MAX = 240;

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  /** 1-based line holding `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** The link's line, cut to a window around the link so huge lines stay cheap, trimmed. */
  contextAt(start: number, end: number): string {
    const line = this.lineAt(start);
    const lineStart = this.lineStarts[line - 1];
    let nextLine = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.text.length;
    if (nextLine > lineStart && this.text.charCodeAt(nextLine - 1) === 13) nextLine--;
    const from = Math.max(lineStart, start - CONTEXT_RADIUS);
    const to = Math.min(nextLine, Math.max(end, start) + CONTEXT_RADIUS, from + CONTEXT_MAX);
    let snippet = this.text.slice(from, to).trim();
    if (from > lineStart) snippet = `…${snippet}`;
    if (to < nextLine) snippet = `${snippet}…`;
    return snippet;
  }
}
