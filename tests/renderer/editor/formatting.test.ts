/**
 * Obsidian's formatting keys and list editing as commands on an EditorState (no DOM): bold and
 * italic toggle around the selection, Ctrl/Cmd+K makes a link, Enter continues a list or task,
 * Enter on an empty item ends the list, Tab and Shift+Tab indent an item.
 */
import { EditorSelection, EditorState, type StateCommand } from '@codemirror/state';
import { indentLess, indentMore } from '@codemirror/commands';
import { insertNewlineContinueMarkup } from '@codemirror/lang-markdown';
import { endEmptyListItem, insertLink, toggleBold, toggleItalic } from '../../../renderer/src/editor/formatting';
import { obsidianMarkdown } from '../../../renderer/src/editor/live-preview/markdown-syntax';

/** `[` and `]` in `source` mark the selection (one `|` for a cursor); returns the text after the command, marked the same way. */
function run(command: StateCommand, source: string): string {
  const cursor = source.indexOf('|');
  let anchor: number, head: number, doc: string;
  if (cursor >= 0) {
    doc = source.slice(0, cursor) + source.slice(cursor + 1);
    anchor = head = cursor;
  } else {
    anchor = source.indexOf('<');
    head = source.indexOf('>') - 1;
    doc = source.replace('<', '').replace('>', '');
  }
  let state = EditorState.create({ doc, selection: EditorSelection.single(anchor, head), extensions: [obsidianMarkdown()] });
  command({ state, dispatch: (tr) => (state = tr.state) });
  const { from, to } = state.selection.main;
  const text = state.doc.toString();
  return from === to ? text.slice(0, from) + '|' + text.slice(from) : text.slice(0, from) + '<' + text.slice(from, to) + '>' + text.slice(to);
}

describe('formatting', () => {
  test.each<[string, StateCommand, string, string]>([
    ['bold wraps the selection', toggleBold, 'a <word> b', 'a **<word>** b'],
    ['bold again unwraps it', toggleBold, 'a **<word>** b', 'a <word> b'],
    ['bold with the markup selected unwraps it', toggleBold, 'a <**word**> b', 'a <word> b'],
    ['bold at a cursor leaves the cursor inside', toggleBold, 'a | b', 'a **|** b'],
    ['bold between empty markup removes it', toggleBold, 'a **|** b', 'a | b'],
    ['italic wraps the selection', toggleItalic, '<word>', '*<word>*'],
    ['italic again unwraps it', toggleItalic, '*<word>*', '<word>'],
    ['italic inside bold adds italic, not removes bold', toggleItalic, '**<word>**', '***<word>***'],
    ['a link around the selection, cursor in the parentheses', insertLink, 'see <this> now', 'see [this](|) now'],
    ['a link at a cursor, cursor in the brackets', insertLink, 'x | y', 'x [|]() y'],
  ])('%s', (_name, command, before, after) => {
    expect(run(command, before)).toBe(after);
  });
});

/** Enter as the editor's keymap runs it: an empty item first, then CodeMirror's continuation. */
const enter: StateCommand = (target) => endEmptyListItem(target) || insertNewlineContinueMarkup(target);

describe('lists', () => {
  test.each<[string, StateCommand, string, string]>([
    ['Enter continues a bullet list', insertNewlineContinueMarkup, '- one|', '- one\n- |'],
    ['Enter continues a numbered list', insertNewlineContinueMarkup, '1. one|', '1. one\n2. |'],
    ['Enter continues a task list with an open task', insertNewlineContinueMarkup, '- [x] done|', '- [x] done\n- [ ] |'],
    ['Enter continues a quote', insertNewlineContinueMarkup, '> said|', '> said\n> |'],
    ['Enter on an empty item ends the list', enter, '- one\n- |', '- one\n|'],
    ['Enter on an empty task ends the list', enter, '- [ ] one\n- [ ] |', '- [ ] one\n|'],
    ['Enter on an empty nested item moves it out', enter, '- one\n  - |', '- one\n- |'],
    ['Enter on an item with text still continues', enter, '- one|', '- one\n- |'],
    ['Tab indents an item', indentMore, '- one\n- tw|o', '- one\n  - tw|o'],
    ['Shift+Tab outdents it', indentLess, '- one\n  - tw|o', '- one\n- tw|o'],
  ])('%s', (_name, command, before, after) => {
    expect(run(command, before)).toBe(after);
  });
});
