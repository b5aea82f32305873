/**
 * What Live Preview draws, as plain data: the builder (build-decorations.ts) returns these and
 * the view plugin (live-preview.ts) turns them into CodeMirror decorations, so the rules are
 * tested without a DOM.
 *  - hide: the range's markup is not shown;
 *  - replace: the range is shown as a widget;
 *  - mark: the range's text gets a class (and attributes);
 *  - line: the line starting at `from` gets a class (and attributes).
 */
import type { Text } from '@codemirror/state';
import type { Tree } from '@lezer/common';

/** What the builders read: the text, its syntax tree and the selection. */
export interface BuildInput {
  doc: Text;
  tree: Tree;
  selection: readonly Range[];
}

/**
 * What a block widget sits in, so it keeps its container's look where it replaces the lines:
 * a quote's or callout's class (and the callout's attributes), and a list item's indent in
 * characters.
 */
export interface LpFrame {
  cls?: string;
  attrs?: Record<string, string>;
  indent?: number;
}

export type LpWidget =
  | { type: 'checkbox'; checked: boolean; /** Where the `[ ]` is: a click rewrites the character after it. */ at: number }
  | { type: 'bullet' }
  | { type: 'math'; tex: string; display: boolean; frame?: LpFrame }
  | { type: 'embed'; source: string }
  | { type: 'table'; source: string; frame?: LpFrame }
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
