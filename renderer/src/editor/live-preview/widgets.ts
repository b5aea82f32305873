/**
 * The DOM Live Preview draws in place of markup. Embeds, images, tables and math are rendered by
 * the host (the note pane renders them through the reading view's own MarkdownView, so they look
 * and behave as on the page); checkboxes and bullets are drawn here.
 */
import { WidgetType, type EditorView } from '@codemirror/view';
import type { LpFrame, LpWidget } from './decoration-spec';

export interface LivePreviewHost {
  /** Follow a rendered link: a note link's parts, or a markdown link's URL. */
  openLink(link: { target: string; heading: string | null; block: string | null } | { url: string }, newTab: boolean): void;
  /** Draw `markdown` into `container` as the reading view would; returns how to take it down. */
  renderMarkdown(container: HTMLElement, markdown: string): () => void;
}

const cleanups = new WeakMap<HTMLElement, () => void>();

/** The `[ ]` at `at`, if it is still a task marker: a click writes ` ` or `x` inside it. */
export function toggleTaskAt(view: EditorView, at: number): boolean {
  const marker = view.state.sliceDoc(at, at + 3);
  if (!/^\[[ xX]\]$/.test(marker)) return false;
  view.dispatch({ changes: { from: at + 1, to: at + 2, insert: marker[1] === ' ' ? 'x' : ' ' }, userEvent: 'input.toggle' });
  return true;
}

/**
 * Knows where its `[ ]` is relative to its own start, not as a document position: Live Preview
 * maps its decorations through edits instead of building them again (live-preview.ts), so a
 * position kept in the widget would go stale as text is typed before it.
 */
class CheckboxWidget extends WidgetType {
  constructor(
    readonly checked: boolean,
    readonly offset: number,
  ) {
    super();
  }
  override eq(other: CheckboxWidget) {
    return other.checked === this.checked && other.offset === this.offset;
  }
  override toDOM(view: EditorView) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'cm-lp-checkbox task-list-item-checkbox';
    box.checked = this.checked;
    box.setAttribute('aria-label', this.checked ? 'Done task' : 'Open task');
    // The editor must not take the click as a cursor move first (the line would turn raw).
    box.addEventListener('mousedown', (e) => e.preventDefault());
    box.addEventListener('click', (e) => {
      e.preventDefault();
      toggleTaskAt(view, view.posAtDOM(box) + this.offset);
    });
    return box;
  }
  override ignoreEvent() {
    return true;
  }
}

class TextWidget extends WidgetType {
  constructor(
    readonly text: string,
    readonly cls: string,
    readonly attrs: Record<string, string> = {},
  ) {
    super();
  }
  override eq(other: TextWidget) {
    return other.text === this.text && other.cls === this.cls && JSON.stringify(other.attrs) === JSON.stringify(this.attrs);
  }
  override toDOM() {
    const span = document.createElement('span');
    span.className = this.cls;
    span.textContent = this.text;
    for (const [name, value] of Object.entries(this.attrs)) span.setAttribute(name, value);
    return span;
  }
  override ignoreEvent(event: Event) {
    // A rendered link's mousedown goes to the editor, whose handler follows the link.
    return !(this.cls === 'cm-lp-link' && event.type === 'mousedown');
  }
}

/** Markdown drawn by the host: an embed, an image, a formula or a table. */
class RenderedWidget extends WidgetType {
  constructor(
    readonly markdown: string,
    readonly cls: string,
    readonly host: LivePreviewHost,
    readonly block: boolean,
    readonly frame: LpFrame = {},
  ) {
    super();
  }
  override eq(other: RenderedWidget) {
    return other.markdown === this.markdown && other.cls === this.cls && JSON.stringify(other.frame) === JSON.stringify(this.frame);
  }
  override toDOM(view: EditorView) {
    const el: HTMLElement = document.createElement(this.block ? 'div' : 'span');
    // Inside a quote, callout or list item the widget keeps the container's bar, colour or indent.
    el.className = this.frame.cls ? `${this.cls} ${this.frame.cls}` : this.cls;
    for (const [name, value] of Object.entries(this.frame.attrs ?? {})) el.setAttribute(name, value);
    if (this.frame.indent) el.style.marginLeft = `${this.frame.indent}ch`;
    cleanups.set(el, this.host.renderMarkdown(el, this.markdown));
    // A click on a table or a formula block edits its source: the cursor goes to its start.
    if (this.block) {
      el.addEventListener('mousedown', (e: MouseEvent) => {
        if (e.button !== 0 || (e.target instanceof Element && e.target.closest('a, input, button'))) return;
        e.preventDefault();
        const pos = view.posAtDOM(el);
        view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
        view.focus();
      });
    }
    return el;
  }
  override destroy(dom: HTMLElement) {
    cleanups.get(dom)?.();
    cleanups.delete(dom);
  }
  override ignoreEvent(event: Event) {
    // Clicks inside an embed (its links, a video's controls) stay with it.
    return event.type !== 'mousedown' || !this.block;
  }
  override get estimatedHeight() {
    return this.block ? 80 : -1;
  }
}

/** The widget drawing `spec` over the range starting at `from`. */
export function widgetFor(spec: LpWidget, host: LivePreviewHost, from: number): WidgetType {
  switch (spec.type) {
    case 'checkbox':
      return new CheckboxWidget(spec.checked, spec.at - from);
    case 'bullet':
      return new TextWidget('•', 'cm-lp-bullet');
    case 'callout-title':
      return new TextWidget(spec.title, 'cm-lp-callout-default-title');
    case 'link':
      return new TextWidget(spec.label, 'cm-lp-link', spec.attrs);
    case 'math':
      // The reading view's math rule: `$$x$$` is display math, `$x$` inline.
      return spec.display
        ? new RenderedWidget(`$$${spec.tex}$$`, 'cm-lp-math cm-lp-math-display', host, spec.tex.includes('\n'), spec.frame)
        : new RenderedWidget(`$${spec.tex}$`, 'cm-lp-math cm-lp-math-inline', host, false);
    case 'embed':
      return new RenderedWidget(spec.source, 'cm-lp-embed', host, false);
    case 'table':
      return new RenderedWidget(spec.source, 'cm-lp-table', host, true, spec.frame);
  }
}
