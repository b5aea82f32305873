/** Mounting the real NoteEditor over a MemoryApi in jsdom, typing into it as a user would, and reading what it sent. */
import { act, render, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { NoteEditor } from '../../../renderer/src/editor/note-editor';
import type { RescueReport } from '../../../renderer/src/editor/rescue-text';
import type { MemoryApi } from '../support/memory-api';
import { vp } from '../../support/vault-path';

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

export async function mountEditor(fake: MemoryApi, path = 'Note.md') {
  const rescues: RescueReport[] = [];
  const api = fake.api();
  const editorFor = (p: string) => <NoteEditor api={api} path={vp(p)} onOpenNote={() => undefined} onRescue={(r) => rescues.push(r)} />;
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

/** Every writeNote the editor sent, with the hash it expected the disk to hold (null: create). */
export function writesOf(fake: MemoryApi): { path: string; content: string; expectedHash: string | null }[] {
  return fake.calls
    .filter((call) => call.method === 'writeNote')
    .map((call) => ({ path: call.args[0] as string, content: call.args[1] as string, expectedHash: call.expectedHash ?? null }));
}

/** Every createNote the editor sent (conflict copies). */
export function createsOf(fake: MemoryApi): { path: string; content: string }[] {
  return fake.calls.filter((call) => call.method === 'createNote').map((call) => ({ path: call.args[0] as string, content: call.args[1] as string }));
}
