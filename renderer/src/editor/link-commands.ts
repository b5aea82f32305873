/**
 * "Copy link to block" and "Copy link to heading" on an open editor: the block at the cursor
 * gets a ` ^id` when it has none (an ordinary edit: it autosaves and can be undone), and
 * `[[Note#^id]]` or `[[Note#Heading]]` goes to the clipboard, naming the note by the shortest
 * link that resolves to it.
 */
import type { EditorView } from '@codemirror/view';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { shortestLink } from './attachment-drop';
import { ensureBlockId, headingAt, headingSubpath } from './block-links';
import type { VaultPath } from '../../../main/core/types';

export type CopyOutcome = { ok: true; link: string } | { ok: false; message: string };

const linesOf = (view: EditorView) => view.state.doc.toString().split('\n');
const cursorLine = (view: EditorView) => view.state.doc.lineAt(view.state.selection.main.head).number - 1;

async function copy(link: string, clipboard: (text: string) => Promise<void>): Promise<CopyOutcome> {
  try {
    await clipboard(link);
    return { ok: true, link };
  } catch (error) {
    return { ok: false, message: `Could not copy ${link} to the clipboard: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function copyLinkToBlock(view: EditorView, api: PlexusApi, notePath: VaultPath, clipboard: (text: string) => Promise<void>): Promise<CopyOutcome> {
  const lines = linesOf(view);
  const line = cursorLine(view);
  const edit = ensureBlockId(lines, line);
  if (edit === null) {
    // On a heading, the heading is the block (as Obsidian links it).
    if (lines[line] !== undefined && /^\s{0,3}#{1,6}\s/.test(lines[line])) return copyLinkToHeading(view, api, notePath, clipboard);
    return { ok: false, message: 'Put the cursor in a paragraph or list item to link to it.' };
  }
  if (edit.change) {
    const at = view.state.doc.line(edit.change.line + 1).from + edit.change.column;
    view.dispatch({ changes: { from: at, insert: edit.change.insert }, userEvent: 'input' });
  }
  const note = await shortestLink(api, notePath, notePath);
  return copy(`[[${note}#^${edit.id}]]`, clipboard);
}

export async function copyLinkToHeading(
  view: EditorView,
  api: PlexusApi,
  notePath: VaultPath,
  clipboard: (text: string) => Promise<void>,
): Promise<CopyOutcome> {
  const heading = headingAt(linesOf(view), cursorLine(view));
  if (heading === null) return { ok: false, message: 'Put the cursor on or under a heading to link to it.' };
  const note = await shortestLink(api, notePath, notePath);
  return copy(`[[${note}#${headingSubpath(heading)}]]`, clipboard);
}
