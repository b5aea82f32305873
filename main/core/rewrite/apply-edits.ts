/** Text edits over source offsets (UTF-16 code units), as produced by the rename planner. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Applies non-overlapping edits to `text`. Edits may come in any order; overlapping or
 * out-of-range edits are a planner bug, so they throw rather than silently corrupting a note.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`applyEdits: invalid or overlapping edit ${edit.start}..${edit.end} (text length ${text.length})`);
    }
    out += text.slice(cursor, edit.start) + edit.replacement;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
