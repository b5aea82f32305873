/**
 * What Live Preview draws, as plain data: the builder (build-decorations.ts) returns these and
 * the view plugin (live-preview.ts) turns them into CodeMirror decorations, so the rules are
 * tested without a DOM.
 *  - hide: the range's markup is not shown;
 *  - replace: the range is shown as a widget;
 *  - mark: the range's text gets a class (and attributes);
 *  - line: the line starting at `from` gets a class (and attributes).
 */
export type LpWidget =
  | { type: 'checkbox'; checked: boolean; /** Where the `[ ]` is: a click rewrites the character after it. */ at: number }
  | { type: 'bullet' }
  | { type: 'math'; tex: string; display: boolean }
  | { type: 'embed'; source: string }
  | { type: 'table'; source: string }
  | { type: 'callout-title'; title: string }
  /** A wiki link drawn as its reading-view label; `attrs` are the link's `data-lp-*` for a click. */
  | { type: 'link'; label: string; attrs: Record<string, string> };

export interface LpDecoration {
  from: number;
  to: number;
  kind: 'hide' | 'replace' | 'mark' | 'line';
  cls?: string;
  attrs?: Record<string, string>;
  widget?: LpWidget;
  /** A replacement that spans whole lines (a table, a `$$` block): drawn from a state field. */
  block?: boolean;
}

export interface Range {
  from: number;
  to: number;
}
