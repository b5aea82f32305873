/**
 * The CodeMirror configuration: markdown highlighting, soft wrap, history, search, `[[` and `#`
 * completion, Mod-s to save, Mod-click to follow a link, list continuation and Obsidian's
 * formatting keys, Live Preview or source mode (switched in place through a compartment), and a
 * quiet way to replace the text on reload that keeps cursor and scroll.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { deleteMarkupBackward, insertNewlineContinueMarkup } from '@codemirror/lang-markdown';
import { bracketMatching } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, keymap, placeholder } from '@codemirror/view';
import { completionTriggers } from './completion-triggers';
import { editorTheme } from './editor-theme';
import { endEmptyListItem, insertLink, toggleBold, toggleItalic } from './formatting';
import { livePreview } from './live-preview/live-preview';
import { obsidianMarkdown } from './live-preview/markdown-syntax';
import type { LivePreviewHost } from './live-preview/widgets';

/** The two editing modes, as Obsidian names them: Live Preview and Source mode. */
export type EditingMode = 'live' | 'source';

const modeCompartment = new Compartment();

function modeExtension(mode: EditingMode, host: LivePreviewHost): Extension {
  return mode === 'live' ? livePreview(host) : EditorView.editorAttributes.of({ class: 'cm-source-mode' });
}

/** Switches an open editor between Live Preview and source mode, keeping text, history and cursor. */
export function setEditingMode(view: EditorView, mode: EditingMode, host: LivePreviewHost): void {
  view.dispatch({ effects: modeCompartment.reconfigure(modeExtension(mode, host)) });
}

/** Enter continues a list or quote (on an empty item it ends the list); Backspace at a bare marker removes it; Mod-b, Mod-i, Mod-k format. */
export const markdownEditingKeymap = [
  { key: 'Enter', run: endEmptyListItem },
  { key: 'Enter', run: insertNewlineContinueMarkup },
  { key: 'Backspace', run: deleteMarkupBackward },
  { key: 'Mod-b', preventDefault: true, run: toggleBold },
  { key: 'Mod-i', preventDefault: true, run: toggleItalic },
  { key: 'Mod-k', preventDefault: true, run: insertLink },
];

/** Marks transactions that load text from disk, which are not user edits. */
export const fromDisk = Annotation.define<boolean>();

export interface EditorCallbacks {
  onEdit(): void;
  onSave(): void;
  onBlur(): void;
  /** Mod-click at a document position; true when it was a link and was followed. */
  onFollowLink(pos: number): boolean;
}

export interface EditorModeOptions {
  mode: EditingMode;
  host: LivePreviewHost;
}

export function editorExtensions(callbacks: EditorCallbacks, completions: readonly CompletionSource[], modeOptions?: EditorModeOptions): Extension[] {
  return [
    history(),
    drawSelection(),
    closeBrackets(),
    bracketMatching(),
    obsidianMarkdown(),
    editorTheme(),
    modeCompartment.of(modeOptions ? modeExtension(modeOptions.mode, modeOptions.host) : modeExtension('source', NO_HOST)),
    EditorView.lineWrapping,
    search({ top: true }),
    highlightSelectionMatches(),
    // Below the line being typed (above only when there is no room), so the line above stays readable.
    // Opened by completionTriggers where a source can answer, not after every typed character.
    autocompletion({ override: [...completions], activateOnTyping: false, aboveCursor: false, icons: false }),
    completionTriggers(),
    placeholder('Empty note'),
    keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (callbacks.onSave(), true) },
      ...closeBracketsKeymap,
      ...completionKeymap,
      ...markdownEditingKeymap,
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

const NO_HOST: LivePreviewHost = {
  openLink: () => undefined,
  renderMarkdown: (container, markdown) => {
    container.textContent = markdown;
    return () => undefined;
  },
};

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
