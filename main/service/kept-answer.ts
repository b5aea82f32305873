/**
 * The answer of an argument-free read, computed once and kept while what it is computed from is
 * unchanged. A page reload asks for the whole file list and the switcher's items again though
 * nothing changed; keeping them saves their building, and lets a host keep their serialised form
 * too: the answer is frozen, so the same object is always the same answer (the browser server
 * keys its JSON on it, main/server/answer-body.ts). The freeze is shallow: the items are the
 * service's own records (a file's entry, a note's title and aliases), which it replaces on a
 * change and never edits, and which no caller may edit either.
 */

/**
 * `sources()` names what the answer is computed from (an object and its change count, say): the
 * kept answer is given while every one of them is the same (===) as when it was computed.
 */
export function keptAnswer<T>(sources: () => readonly unknown[], compute: () => T[]): () => readonly T[] {
  let kept: { at: readonly unknown[]; value: readonly T[] } | null = null;
  return () => {
    const now = sources();
    if (kept === null || now.length !== kept.at.length || now.some((source, i) => source !== kept!.at[i])) {
      kept = { at: now, value: Object.freeze(compute()) };
    }
    return kept.value;
  };
}
