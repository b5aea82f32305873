/** Mounting the real NoteEditor over a FakeDisk in jsdom, and typing into it as a user would. */
import { act, render, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import type { RescueReport } from '../../../renderer/src/editor/rescue-text';
import type { FakeDisk } from './fake-api';

// jsdom has no layout; CodeMirror's measuring asks ranges for rectangles.
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = () => new DOMRect();

export function viewOf(container: HTMLElement): EditorView {
  const dom = container.querySelector('.cm-editor');
  if (!(dom instanceof HTMLElement)) throw new Error('no editor mounted');
  const view = EditorView.findFromDOM(dom);
  if (!view) throw new Error('no view');
  return view;
}

export async function mountEditor(disk: FakeDisk, path = 'Note.md') {
  const rescues: RescueReport[] = [];
  const api = disk.api();
  const editorFor = (p: string) => <NoteEditor api={api} path={p} onOpenNote={() => undefined} onRescue={(r) => rescues.push(r)} />;
  const utils = render(editorFor(path));
  await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
  return {
    ...utils,
    rescues,
    view: () => viewOf(utils.container),
    /** Opens another note in the same pane (the editor for `path` unmounts). */
    openOther: async (other: string) => {
      utils.rerender(editorFor(other));
      await waitFor(() => expect(utils.container.querySelector('.cm-editor')).not.toBeNull());
    },
  };
}

export function typeAtEnd(view: EditorView, text: string) {
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
}
