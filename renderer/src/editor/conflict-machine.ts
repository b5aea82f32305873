/**
 * The save/conflict state of one open note, as a pure reducer. The rule it exists to keep: text
 * the user typed is never overwritten by, or written over, a version they have not seen.
 *
 *   clean    — the editor shows what is on disk
 *   dirty    — unsaved edits (autosave pending)
 *   saving   — a write is in flight
 *   error    — the last write failed (reason kept); the text is still only in the editor
 *   conflict — the file changed on disk while we had unsaved edits (or our write found it changed)
 *   deleted  — the file was removed on disk; the text stays and saving recreates it
 */
export type DocStatus = 'clean' | 'dirty' | 'saving' | 'error' | 'conflict' | 'deleted';

export interface DocState {
  status: DocStatus;
  /** Hash of the disk version the editor's text is based on (null: not on disk). */
  baseHash: string | null;
  /** True while the editor holds text that is not on disk. */
  unsaved: boolean;
  /** Set in 'conflict': the hash of their version on disk, when known. */
  theirsHash: string | null;
  /** Set in 'error': why the last save failed. */
  error: string | null;
  /** An outside change seen while our write was in flight. */
  pendingTheirs: string | null;
  /** Edits made while a save was in flight (the save wrote an older text). */
  editedWhileSaving: boolean;
  deletedOnDisk: boolean;
}

export type Resolution = 'keep-mine' | 'take-theirs' | 'keep-both';

export type DocInput =
  | { type: 'loaded'; hash: string }
  | { type: 'edit' }
  | { type: 'save-requested' }
  | { type: 'save-succeeded'; hash: string }
  | { type: 'save-failed'; message: string; conflict: boolean }
  | { type: 'external-change'; hash: string }
  | { type: 'external-delete' }
  | { type: 'resolve'; choice: Resolution };

/** What the caller must do next; the reducer itself never does I/O. */
export type DocEffect =
  | { kind: 'none' }
  /** Replace the editor text with the disk version, keeping cursor and scroll. */
  | { kind: 'reload' }
  /** Write the editor text; `expectedHash` null means "create/recreate". */
  | { kind: 'write'; expectedHash: string | null }
  /** Save the editor text to a conflict copy, then reload theirs. */
  | { kind: 'copy-then-reload' };

export interface Step {
  state: DocState;
  effect: DocEffect;
}

export function initialDocState(hash: string): DocState {
  return {
    status: 'clean',
    baseHash: hash,
    unsaved: false,
    theirsHash: null,
    error: null,
    pendingTheirs: null,
    editedWhileSaving: false,
    deletedOnDisk: false,
  };
}

const none: DocEffect = { kind: 'none' };

const KEYS = Object.keys(initialDocState('')) as (keyof DocState)[];

/**
 * The state before the input when the input changed nothing (an edit to text already dirty,
 * which is every keystroke after the first): the caller can tell by identity that nothing is to
 * be drawn again.
 */
export function transition(s: DocState, input: DocInput): Step {
  const step = next(s, input);
  return step.state !== s && KEYS.every((key) => step.state[key] === s[key]) ? { state: s, effect: step.effect } : step;
}

function next(s: DocState, input: DocInput): Step {
  switch (input.type) {
    case 'loaded':
      return { state: initialDocState(input.hash), effect: none };

    case 'edit':
      if (s.status === 'saving') return { state: { ...s, unsaved: true, editedWhileSaving: true }, effect: none };
      // In conflict and deleted the status must stay visible; the text simply gains edits.
      if (s.status === 'conflict' || s.status === 'deleted') return { state: { ...s, unsaved: true }, effect: none };
      return { state: { ...s, status: 'dirty', unsaved: true, error: null }, effect: none };

    case 'save-requested':
      // Never write over a version the user has not seen: a conflict is resolved explicitly.
      if (s.status === 'conflict' || s.status === 'saving') return { state: s, effect: none };
      if (!s.unsaved && s.status === 'clean') return { state: s, effect: none };
      return {
        state: { ...s, status: 'saving', error: null, editedWhileSaving: false, pendingTheirs: null },
        effect: { kind: 'write', expectedHash: s.deletedOnDisk ? null : s.baseHash },
      };

    case 'save-succeeded': {
      const base = { ...s, baseHash: input.hash, deletedOnDisk: false, error: null, pendingTheirs: null };
      if (s.pendingTheirs !== null && s.pendingTheirs !== input.hash) {
        return { state: { ...base, status: 'conflict', unsaved: true, theirsHash: s.pendingTheirs }, effect: none };
      }
      if (s.editedWhileSaving) return { state: { ...base, status: 'dirty', unsaved: true, editedWhileSaving: false }, effect: none };
      return { state: { ...base, status: 'clean', unsaved: false, theirsHash: null }, effect: none };
    }

    case 'save-failed':
      if (input.conflict) return { state: { ...s, status: 'conflict', unsaved: true, theirsHash: s.pendingTheirs, error: input.message }, effect: none };
      return { state: { ...s, status: 'error', unsaved: true, error: input.message }, effect: none };

    case 'external-change':
      // Our own write's echo, or a version we already hold: nothing to do.
      if (input.hash === s.baseHash) return { state: s, effect: none };
      if (s.status === 'saving') return { state: { ...s, pendingTheirs: input.hash }, effect: none };
      if (s.status === 'conflict') return { state: { ...s, theirsHash: input.hash, deletedOnDisk: false }, effect: none };
      if (!s.unsaved) return { state: { ...s, deletedOnDisk: false }, effect: { kind: 'reload' } };
      return { state: { ...s, status: 'conflict', theirsHash: input.hash, deletedOnDisk: false }, effect: none };

    case 'external-delete':
      if (s.status === 'saving') return { state: { ...s, deletedOnDisk: true }, effect: none };
      return { state: { ...s, status: 'deleted', deletedOnDisk: true, baseHash: null }, effect: none };

    case 'resolve':
      if (s.status !== 'conflict') return { state: s, effect: none };
      if (input.choice === 'keep-mine') {
        return {
          state: { ...s, status: 'saving', error: null, pendingTheirs: null, editedWhileSaving: false },
          effect: { kind: 'write', expectedHash: s.theirsHash },
        };
      }
      // The status stays 'conflict' until the reload lands ('loaded'), so nothing saves meanwhile.
      return { state: s, effect: input.choice === 'take-theirs' ? { kind: 'reload' } : { kind: 'copy-then-reload' } };
  }
}
