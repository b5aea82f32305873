import { completionStatus, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorView } from '@codemirror/view';
import { mayComplete } from '../../../renderer/src/editor/completion-triggers';
import { createEditorState, editorExtensions } from '../../../renderer/src/editor/editor-view-setup';

// jsdom has no layout; CodeMirror's measuring asks ranges for rectangles.
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

const callbacks = { onEdit: () => undefined, onSave: () => undefined, onBlur: () => undefined, onFollowLink: () => false };

/** An editor with one completion source that records where it was asked and offers one option after `[[`. */
function editor() {
  const asked: string[] = [];
  const source = (context: CompletionContext): CompletionResult | null => {
    asked.push(context.state.sliceDoc(0, context.pos));
    const before = context.matchBefore(/\[\[[^\][\n]*/);
    return before ? { from: before.from + 2, options: [{ label: 'Welcome' }] } : null;
  };
  const parent = document.createElement('div');
  document.body.append(parent);
  const view = new EditorView({ parent, state: createEditorState('', editorExtensions(callbacks, [source])) });
  let updates = 0;
  const type = (text: string) => {
    for (const ch of text) {
      const at = view.state.selection.main.head;
      view.dispatch({ changes: { from: at, insert: ch }, selection: { anchor: at + 1 }, userEvent: 'input.type' });
    }
  };
  const counting = view.update.bind(view);
  view.update = (trs) => {
    updates += trs.length;
    counting(trs);
  };
  return { view, asked, type, updates: () => updates };
}

describe('completion triggers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('typing prose asks no completion source and adds no transaction after the keys', async () => {
    const { view, asked, type, updates } = editor();
    type('plain words, #');
    await jest.advanceTimersByTimeAsync(1000);
    expect(asked).toEqual([]);
    expect(updates()).toBe('plain words, #'.length);
    view.destroy();
  });

  test('[[ opens the completion, and typing on refines it', async () => {
    const { view, asked, type } = editor();
    type('see [[');
    await jest.advanceTimersByTimeAsync(1000);
    expect(asked).toEqual(['see [[']);
    expect(completionStatus(view.state)).toBe('active');
    type('We');
    await jest.advanceTimersByTimeAsync(1000);
    expect(completionStatus(view.state)).toBe('active');
    view.destroy();
  });

  test('a tag after a # asks the sources', async () => {
    const { view, asked, type } = editor();
    type('text #ta');
    await jest.advanceTimersByTimeAsync(1000);
    expect(asked).toEqual(['text #ta']);
    view.destroy();
  });

  test.each([
    ['inside [[', 'x [[Note#he', true],
    ['a tag at the line start', '#ml/tr', true],
    ['a bare #', 'text #', false],
    ['a # inside a word', 'a#b', false],
    ['a closed link', '[[A]] and', false],
    ['prose', 'just words', false],
  ])('mayComplete: %s', (_what, before, expected) => {
    expect(mayComplete(before)).toBe(expected);
  });
});
