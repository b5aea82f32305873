/**
 * Live Preview on the one CodeMirror editor: a view plugin draws the inline decorations of the
 * visible ranges, a state field the whole-line ones (tables, `$$` blocks; CodeMirror takes
 * line-replacing decorations only from state), and a click on a rendered link follows it
 * (Ctrl/Cmd+click: in a new tab). The rules are in build-decorations.ts.
 */
import { syntaxTree } from '@codemirror/language';
import { StateField, type EditorState, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { blockDecorations, inlineDecorations, type BuildInput } from './build-decorations';
import type { LpDecoration } from './decoration-spec';
import { widgetFor, type LivePreviewHost } from './widgets';

const hidden = Decoration.replace({});

function toDecorations(specs: LpDecoration[], host: LivePreviewHost): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const d of specs) {
    if (d.kind === 'hide') ranges.push(hidden.range(d.from, d.to));
    else if (d.kind === 'mark') ranges.push(Decoration.mark({ class: d.cls, attributes: d.attrs }).range(d.from, d.to));
    else if (d.kind === 'line') ranges.push(Decoration.line({ class: d.cls, attributes: d.attrs }).range(d.from));
    else if (d.widget) ranges.push(Decoration.replace({ widget: widgetFor(d.widget, host), block: d.block }).range(d.from, d.to));
  }
  return Decoration.set(ranges, true);
}

function inputOf(state: EditorState): BuildInput {
  return { doc: state.doc, tree: syntaxTree(state), selection: state.selection.ranges };
}

export function livePreview(host: LivePreviewHost): Extension {
  const inline = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = toDecorations(inlineDecorations(inputOf(view.state), view.visibleRanges), host);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged || update.selectionSet || syntaxTree(update.startState) !== syntaxTree(update.state)) {
          this.decorations = toDecorations(inlineDecorations(inputOf(update.state), update.view.visibleRanges), host);
        }
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
  const blocks = StateField.define<DecorationSet>({
    create: (state) => toDecorations(blockDecorations(inputOf(state)), host),
    update(value, tr) {
      if (!tr.docChanged && !tr.selection && syntaxTree(tr.state) === syntaxTree(tr.startState)) return value;
      return toDecorations(blockDecorations(inputOf(tr.state)), host);
    },
    provide: (field) => EditorView.decorations.from(field),
  });
  const clicks = EditorView.domEventHandlers({
    mousedown(event) {
      if (event.button !== 0 || !(event.target instanceof Element)) return false;
      const link = event.target.closest<HTMLElement>('.cm-lp-link');
      if (!link) return false;
      event.preventDefault();
      const newTab = event.ctrlKey || event.metaKey;
      const url = link.dataset.lpUrl;
      if (url !== undefined) host.openLink({ url }, newTab);
      else host.openLink({ target: link.dataset.lpTarget ?? '', heading: link.dataset.lpHeading ?? null, block: link.dataset.lpBlock ?? null }, newTab);
      return true;
    },
  });
  return [inline, blocks, clicks, EditorView.editorAttributes.of({ class: 'cm-live-preview' })];
}
