/**
 * Obsidian's formatting shortcuts as CodeMirror commands: Ctrl/Cmd+B bold, Ctrl/Cmd+I italic,
 * Ctrl/Cmd+K link. Bold and italic toggle: markup around (or at the edges of) the selection is
 * taken off, otherwise it is put on, and the selection stays on the same words.
 */
import { EditorSelection, type StateCommand } from '@codemirror/state';

export function toggleWrap(marker: string): StateCommand {
  return ({ state, dispatch }) => {
    const n = marker.length;
    const tr = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - n, range.from);
      const after = state.sliceDoc(range.to, range.to + n);
      const inner = state.sliceDoc(range.from, range.to);
      // `**|**` or `**word**` with only the word selected: unwrap around.
      if (
        before === marker &&
        after === marker &&
        !(marker === '*' && state.sliceDoc(range.from - 2, range.from) === '**' && state.sliceDoc(range.to, range.to + 2) === '**')
      ) {
        return {
          changes: [
            { from: range.from - n, to: range.from },
            { from: range.to, to: range.to + n },
          ],
          range: EditorSelection.range(range.from - n, range.to - n),
        };
      }
      // The markup selected with the words: unwrap inside.
      if (inner.length >= 2 * n && inner.startsWith(marker) && inner.endsWith(marker)) {
        return {
          changes: [
            { from: range.from, to: range.from + n },
            { from: range.to - n, to: range.to },
          ],
          range: EditorSelection.range(range.from, range.to - 2 * n),
        };
      }
      return {
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.from + n, range.to + n),
      };
    });
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

/** `[selection]()` with the cursor between the parentheses; with no selection `[]()`, the cursor in the brackets. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  const tr = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const insert = `[${text}]()`;
    const cursor = text === '' ? range.from + 1 : range.from + insert.length - 1;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(cursor) };
  });
  dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};

export const toggleBold = toggleWrap('**');
export const toggleItalic = toggleWrap('*');

const EMPTY_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]*$/;

/**
 * Enter on an empty list item, as Obsidian: a nested item moves out one level, a top-level one
 * loses its marker (the list ends). CodeMirror's own continuation would instead make the list loose.
 */
export const endEmptyListItem: StateCommand = ({ state, dispatch }) => {
  const { main } = state.selection;
  if (!main.empty || state.selection.ranges.length > 1) return false;
  const line = state.doc.lineAt(main.head);
  const m = EMPTY_ITEM.exec(line.text);
  if (!m || main.head !== line.to) return false;
  const indent = m[1];
  if (indent === '') {
    dispatch(state.update({ changes: { from: line.from, to: line.to }, selection: { anchor: line.from }, userEvent: 'delete' }));
    return true;
  }
  // One level out: two spaces or a tab, whichever the item is indented with.
  const cut = indent.endsWith('\t') ? 1 : Math.min(indent.length, 2);
  dispatch(state.update({ changes: { from: line.from + indent.length - cut, to: line.from + indent.length }, userEvent: 'delete' }));
  return true;
};
