/**
 * The CodeMirror configuration: markdown highlighting, soft wrap, history, search, `[[`
 * completion, Mod-s to save, Mod-click to follow a link, and a quiet way to replace the text on
 * reload that keeps cursor and scroll.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, keymap, placeholder } from '@codemirror/view';

/** Marks transactions that load text from disk, which are not user edits. */
export const fromDisk = Annotation.define<boolean>();

export interface EditorCallbacks {
  onEdit(): void;
  onSave(): void;
  onBlur(): void;
  /** Mod-click at a document position; true when it was a link and was followed. */
  onFollowLink(pos: number): boolean;
}

export function editorExtensions(callbacks: EditorCallbacks, completion: CompletionSource): Extension[] {
  return [
    history(),
    drawSelection(),
    closeBrackets(),
    markdown(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    EditorView.lineWrapping,
    search({ top: true }),
    highlightSelectionMatches(),
    autocompletion({ override: [completion], activateOnTyping: true }),
    placeholder('Empty note'),
    keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (callbacks.onSave(), true) },
      ...closeBracketsKeymap,
      ...completionKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...defaultKeymap,
      indentWithTab,
    ]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !update.transactions.some((t) => t.annotation(fromDisk))) callbacks.onEdit();
    }),
    EditorView.domEventHandlers({
      blur: () => {
        callbacks.onBlur();
        return false;
      },
      mousedown: (event, view) => {
        if (!(event.ctrlKey || event.metaKey) || event.button !== 0) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (pos === null || !callbacks.onFollowLink(pos)) return false;
        event.preventDefault();
        return true;
      },
    }),
  ];
}

export function createEditorState(doc: string, extensions: Extension[]): EditorState {
  return EditorState.create({ doc, extensions });
}

/**
 * Replaces the text with `next` as one minimal change (common head and tail kept), so the
 * cursor, selection and scroll stay where they were relative to unchanged text.
 */
export function replaceQuietly(view: EditorView, next: string): void {
  const current = view.state.doc.toString();
  if (current === next) return;
  let head = 0;
  const max = Math.min(current.length, next.length);
  while (head < max && current.charCodeAt(head) === next.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && current.charCodeAt(current.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  const scrollTop = view.scrollDOM.scrollTop;
  view.dispatch({
    changes: { from: head, to: current.length - tail, insert: next.slice(head, next.length - tail) },
    annotations: [fromDisk.of(true)],
  });
  view.scrollDOM.scrollTop = scrollTop;
}
