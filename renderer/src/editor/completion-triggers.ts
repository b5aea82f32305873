/**
 * Starts `[[` and `#` completion only where typing can be asking for one. CodeMirror's
 * `activateOnTyping` queries every source after every typed character, and each "nothing here"
 * answer comes back as a transaction of its own: at a human typing pace, almost every key in
 * prose was followed ~100 ms later by a second view update and frame. With `activateOnTyping` off,
 * the library still refines (or re-asks) a completion that is already open or pending as the user
 * types; this only opens one where the link or tag source could answer.
 */
import { completionStatus, startCompletion } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** How far back a trigger is looked for: CompletionContext.matchBefore looks as far. */
const LOOK_BACK = 250;
/**
 * Inside `[[` on the line (the link source), or a `#` at the line's start or after whitespace with
 * at least one tag character (the tag source waits for one: a bare `#` is likelier a heading).
 */
const TRIGGER_BEFORE = /\[\[[^\][\n]*$|(?:^|\s)#[\p{L}\p{N}\p{M}_\-/]+$/u;

/** Whether the text before the cursor (on its line) is where a completion source could answer. */
export function mayComplete(lineBefore: string): boolean {
  return TRIGGER_BEFORE.test(lineBefore.slice(-LOOK_BACK));
}

export function completionTriggers(): Extension {
  return EditorView.updateListener.of((update) => {
    if (!update.transactions.some((tr) => tr.isUserEvent('input.type'))) return;
    // Open or pending: the library follows the typing itself.
    if (completionStatus(update.state) !== null) return;
    const head = update.state.selection.main.head;
    const line = update.state.doc.lineAt(head);
    if (!mayComplete(line.text.slice(0, head - line.from))) return;
    const { view } = update;
    // A view cannot be dispatched to during its own update: right after it.
    queueMicrotask(() => {
      if (view.dom.isConnected) startCompletion(view);
    });
  });
}
