/**
 * A task's checkbox is a widget Live Preview keeps (mapped) while text is typed in other blocks:
 * clicking it after typing above it must still tick that task, not the position that was its
 * own before the typing.
 */
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { livePreview } from '../../../../renderer/src/editor/live-preview/live-preview';
import { obsidianMarkdown } from '../../../../renderer/src/editor/live-preview/markdown-syntax';

/** CodeMirror's measure pass, run now instead of at the next frame (public in the code, not in the types). */
const measureNow = (view: EditorView) => (view as unknown as { measure(): void }).measure();

const host = { openLink: () => undefined, renderMarkdown: () => () => undefined };

test('the checkbox ticks its own task after text was typed in a paragraph above it', () => {
  const doc = 'A paragraph\n\n- [ ] the task\n\nThe end';
  const view = new EditorView({
    parent: document.body,
    state: EditorState.create({ doc, selection: EditorSelection.cursor(doc.length), extensions: [obsidianMarkdown(), livePreview(host)] }),
  });
  try {
    // Without layout the first measure settles the viewport (and draws the widgets again): let it pass.
    measureNow(view);
    const box = view.contentDOM.querySelector<HTMLInputElement>('input.cm-lp-checkbox');
    expect(box).not.toBeNull();
    view.dispatch({ changes: { from: 2, insert: 'longer ' } });
    measureNow(view);
    // The same widget, kept through the edit (not drawn again).
    expect(view.contentDOM.querySelector('input.cm-lp-checkbox')).toBe(box);
    box!.click();
    expect(view.state.doc.toString()).toBe('A longer paragraph\n\n- [x] the task\n\nThe end');
  } finally {
    view.destroy();
  }
});
