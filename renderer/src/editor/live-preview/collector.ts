/** Collects Live Preview's decorations, once each, and knows which lines the selection is on. */
import type { Text } from '@codemirror/state';
import type { LpDecoration, Range } from './decoration-spec';

export const spansLines = (doc: Text, from: number, to: number) => doc.lineAt(from).number !== doc.lineAt(to).number;

/** The selection's lines, as document ranges from line start to line end. */
function activeSpans(doc: Text, selection: readonly Range[]): Range[] {
  return selection.map((r) => ({ from: doc.lineAt(r.from).from, to: doc.lineAt(r.to).to }));
}

export class Collector {
  readonly out: LpDecoration[] = [];
  private readonly seen = new Set<string>();
  private readonly spans: Range[];

  constructor(
    readonly doc: Text,
    selection: readonly Range[],
  ) {
    this.spans = activeSpans(doc, selection);
  }

  /** True when [from, to] touches a line the selection is on. */
  active(from: number, to: number): boolean {
    return this.spans.some((s) => from <= s.to && to >= s.from);
  }

  add(d: LpDecoration): void {
    if (d.kind !== 'line' && d.from >= d.to) return;
    const key = `${d.from}:${d.to}:${d.kind}:${d.cls ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push(d);
  }

  hide(from: number, to: number): void {
    this.add({ from, to, kind: 'hide' });
  }

  /** A line class on every line of [from, to] that lies inside `within`. */
  lines(from: number, to: number, cls: string, within: Range, attrs?: Record<string, string>): void {
    const start = Math.max(from, within.from);
    const end = Math.min(to, within.to);
    if (start > end) return;
    for (let pos = this.doc.lineAt(start).from; pos <= end;) {
      const line = this.doc.lineAt(pos);
      this.add({ from: line.from, to: line.from, kind: 'line', cls, attrs });
      pos = line.to + 1;
    }
  }
}
