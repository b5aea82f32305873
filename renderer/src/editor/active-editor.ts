/**
 * The editor commands act on (Copy link to block, Insert template, ...): the editor focused
 * last, as long as it is open. The command palette takes the focus, so "focused now" would
 * never be an editor when a command runs from it.
 */
import type { Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import type { VaultPath } from '../../../main/core/types';

export interface ActiveEditor {
  view: EditorView;
  path: VaultPath;
}

let active: ActiveEditor | null = null;

export function activeEditor(): ActiveEditor | null {
  return active && active.view.dom.isConnected ? active : null;
}

/** Marks this editor (of the note at `path()`) active when it takes the focus, and forgets it when it closes. */
export function trackActiveEditor(path: () => VaultPath, startActive: boolean): Extension {
  return ViewPlugin.define((view) => {
    const mark = () => {
      active = {
        view,
        get path() {
          return path();
        },
      };
    };
    if (startActive || active === null) mark();
    view.contentDOM.addEventListener('focus', mark);
    return {
      destroy() {
        view.contentDOM.removeEventListener('focus', mark);
        if (active?.view === view) active = null;
      },
    };
  });
}
