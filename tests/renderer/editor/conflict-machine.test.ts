import { initialDocState, transition, type DocInput, type DocState } from '../../../renderer/src/editor/conflict-machine';
import { conflictCopyPath } from '../../../renderer/src/editor/conflict-copy-path';
import { lineDiff } from '../../../renderer/src/editor/line-diff';
import { vp } from '../../support/vault-path';

function run(inputs: DocInput[], start: DocState = initialDocState('h0')) {
  let state = start;
  const effects = [];
  for (const input of inputs) {
    const step = transition(state, input);
    state = step.state;
    effects.push(step.effect.kind === 'write' ? `write:${step.effect.expectedHash}` : step.effect.kind);
  }
  return { state, effects };
}

describe('conflict state machine', () => {
  test('edit → dirty → saving → clean, writing against the base hash', () => {
    const { state, effects } = run([{ type: 'edit' }, { type: 'save-requested' }, { type: 'save-succeeded', hash: 'h1' }]);
    expect(effects).toEqual(['none', 'write:h0', 'none']);
    expect(state).toMatchObject({ status: 'clean', baseHash: 'h1', unsaved: false });
  });

  test('clean + external change → silent reload', () => {
    const { state, effects } = run([{ type: 'external-change', hash: 'h9' }]);
    expect(effects).toEqual(['reload']);
    expect(state.status).toBe('clean');
    expect(
      run([
        { type: 'external-change', hash: 'h9' },
        { type: 'loaded', hash: 'h9' },
      ]).state.baseHash,
    ).toBe('h9');
  });

  test('dirty + external change → conflict, and saving is refused until resolved', () => {
    const { state, effects } = run([{ type: 'edit' }, { type: 'external-change', hash: 'h9' }, { type: 'save-requested' }, { type: 'edit' }]);
    expect(effects).toEqual(['none', 'none', 'none', 'none']);
    expect(state).toMatchObject({ status: 'conflict', theirsHash: 'h9', unsaved: true });
  });

  test('our own write echo (same hash as last written) is ignored', () => {
    const { state, effects } = run([
      { type: 'edit' },
      { type: 'save-requested' },
      { type: 'save-succeeded', hash: 'h1' },
      { type: 'external-change', hash: 'h1' },
    ]);
    expect(effects[3]).toBe('none');
    expect(state.status).toBe('clean');
  });

  test('an outside change during our save turns into a conflict afterwards', () => {
    const { state } = run([{ type: 'edit' }, { type: 'save-requested' }, { type: 'external-change', hash: 'hx' }, { type: 'save-succeeded', hash: 'h1' }]);
    expect(state).toMatchObject({ status: 'conflict', theirsHash: 'hx' });
  });

  test('edits during a save leave the note dirty after it', () => {
    const { state } = run([{ type: 'edit' }, { type: 'save-requested' }, { type: 'edit' }, { type: 'save-succeeded', hash: 'h1' }]);
    expect(state).toMatchObject({ status: 'dirty', baseHash: 'h1', unsaved: true });
  });

  test('a conflict reported by the write itself → conflict', () => {
    const { state } = run([{ type: 'edit' }, { type: 'save-requested' }, { type: 'save-failed', message: 'changed on disk', conflict: true }]);
    expect(state.status).toBe('conflict');
  });

  test('save failure → error with reason; retry writes again', () => {
    const { state, effects } = run([
      { type: 'edit' },
      { type: 'save-requested' },
      { type: 'save-failed', message: 'disk full', conflict: false },
      { type: 'save-requested' },
    ]);
    expect(effects[3]).toBe('write:h0');
    expect(state.status).toBe('saving');
    expect(run([{ type: 'edit' }, { type: 'save-requested' }, { type: 'save-failed', message: 'disk full', conflict: false }]).state).toMatchObject({
      status: 'error',
      error: 'disk full',
    });
  });

  test.each([
    ['keep-mine', 'write:h9'],
    ['take-theirs', 'reload'],
    ['keep-both', 'copy-then-reload'],
  ] as const)('resolve %s → %s', (choice, effect) => {
    const { effects, state } = run([{ type: 'edit' }, { type: 'external-change', hash: 'h9' }, { type: 'resolve', choice }]);
    expect(effects[2]).toBe(effect);
    if (choice === 'keep-mine') {
      expect(state.status).toBe('saving');
      expect(transition(state, { type: 'save-succeeded', hash: 'h10' }).state.status).toBe('clean');
    } else {
      expect(transition(state, { type: 'loaded', hash: 'h9' }).state.status).toBe('clean');
    }
  });

  test('deleted: text stays, edits allowed, save recreates (expected hash null)', () => {
    const { state, effects } = run([
      { type: 'edit' },
      { type: 'external-delete' },
      { type: 'edit' },
      { type: 'save-requested' },
      { type: 'save-succeeded', hash: 'h5' },
    ]);
    expect(effects).toEqual(['none', 'none', 'none', 'write:null', 'none']);
    expect(state).toMatchObject({ status: 'clean', deletedOnDisk: false });
    expect(run([{ type: 'external-delete' }]).state).toMatchObject({ status: 'deleted', unsaved: false });
  });

  test('resolve outside a conflict does nothing', () => {
    expect(run([{ type: 'resolve', choice: 'keep-mine' }]).effects).toEqual(['none']);
  });

  test('an input that changes nothing returns the same state object (a keystroke into unsaved text)', () => {
    const dirty = run([{ type: 'edit' }]).state;
    expect(transition(dirty, { type: 'edit' }).state).toBe(dirty);
    const saving = run([{ type: 'edit' }, { type: 'save-requested' }, { type: 'edit' }]).state;
    expect(transition(saving, { type: 'edit' }).state).toBe(saving);
    const conflict = run([{ type: 'edit' }, { type: 'external-change', hash: 'h9' }]).state;
    expect(transition(conflict, { type: 'edit' }).state).toBe(conflict);
    const clean = initialDocState('h0');
    expect(transition(clean, { type: 'loaded', hash: 'h0' }).state).toBe(clean);
    // A change still gives a new object, and the caller's state is never mutated.
    expect(transition(clean, { type: 'edit' }).state).not.toBe(clean);
    expect(clean).toEqual(initialDocState('h0'));
  });
});

describe('conflict helpers', () => {
  test('conflictCopyPath', () => {
    expect(conflictCopyPath(vp('A/Note.md'), new Date(2024, 4, 1, 9, 5))).toBe('A/Note (conflict 2024-05-01 0905).md');
    expect(conflictCopyPath(vp('Top.md'), new Date(2025, 11, 31, 23, 59))).toBe('Top (conflict 2025-12-31 2359).md');
  });

  test('lineDiff marks theirs and mine around common lines', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nB\nc\nd\ne')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'theirs', text: 'b' },
      { kind: 'mine', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'same', text: 'd' },
      { kind: 'mine', text: 'e' },
    ]);
  });
});
