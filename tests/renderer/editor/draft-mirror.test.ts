import { startDraftMirror, RECOVERED_REASON, type Draft, type DraftsBridge } from '../../../renderer/src/editor/draft-mirror';
import { dropKeptText, keptTextFor } from '../../../renderer/src/editor/kept-texts';
import { hasUnsavedChanges, markUnsaved } from '../../../renderer/src/editor/unsaved-registry';
import { vp } from '../../support/vault-path';

/** A bridge whose reports land only when the test lets them. */
function fakeBridge(kept: Draft[] = []) {
  const reports: Draft[][] = [];
  const pending: (() => void)[] = [];
  const bridge: DraftsBridge = {
    report: (drafts) =>
      new Promise<void>((resolve) => {
        reports.push(drafts);
        pending.push(resolve);
      }),
    take: async () => kept.splice(0),
  };
  const land = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { bridge, reports, land };
}

/** The next idle moment (no requestIdleCallback in jsdom: the task after the change). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('every change to the unsaved text is mirrored, newest last, with one report in flight', async () => {
  const { bridge, reports, land } = fakeBridge();
  const mirror = await startDraftMirror(bridge, (message) => {
    throw new Error(message);
  });
  const owner = {};
  let text = 'a';
  markUnsaved(owner, { path: vp('A.md'), text: () => text });
  await idle();
  expect(reports).toEqual([[{ path: 'A.md', text: 'a' }]]);
  // Typing while the first report travels only marks it stale: no queue of copies.
  text = 'ab';
  markUnsaved(owner, { path: vp('A.md'), text: () => text });
  await idle();
  text = 'abc';
  markUnsaved(owner, { path: vp('A.md'), text: () => text });
  await idle();
  expect(reports).toHaveLength(1);
  await land();
  expect(reports).toEqual([[{ path: 'A.md', text: 'a' }], [{ path: 'A.md', text: 'abc' }]]);
  await land();
  // Saved: the main process hears that nothing is unsaved any more.
  markUnsaved(owner, null);
  await idle();
  expect(reports.at(-1)).toEqual([]);
  await land();
  mirror.stop();
  markUnsaved(owner, { path: vp('A.md'), text: () => 'after stop' });
  markUnsaved(owner, null);
  expect(reports).toHaveLength(3);
});

test('texts a crashed page left are taken back as kept texts, unsaved until restored, and reported again', async () => {
  const { bridge, reports, land } = fakeBridge([{ path: vp('B.md'), text: 'typed before the crash' }]);
  const mirror = await startDraftMirror(
    bridge,
    (message) => {
      throw new Error(message);
    },
    () => 1234,
  );
  expect(mirror.recovered).toEqual([{ path: 'B.md', text: 'typed before the crash' }]);
  expect(keptTextFor(vp('B.md'))).toEqual({ path: 'B.md', text: 'typed before the crash', keptAt: 1234, reason: RECOVERED_REASON });
  expect(hasUnsavedChanges()).toBe(true);
  expect(reports).toEqual([[{ path: 'B.md', text: 'typed before the crash' }]]);
  await land();
  dropKeptText(vp('B.md'));
  await idle();
  expect(reports.at(-1)).toEqual([]);
  await land();
  mirror.stop();
});

test('a failed take or report is said, and the text stays in the window', async () => {
  const errors: string[] = [];
  const bridge: DraftsBridge = {
    report: async () => {
      throw new Error('refused');
    },
    take: async () => {
      throw new Error('gone');
    },
  };
  const mirror = await startDraftMirror(bridge, (message) => errors.push(message));
  const owner = {};
  markUnsaved(owner, { path: vp('C.md'), text: () => 'c' });
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(errors).toEqual([expect.stringContaining('gone'), expect.stringContaining('refused')]);
  expect(hasUnsavedChanges()).toBe(true);
  markUnsaved(owner, null);
  mirror.stop();
});

test('a keystroke does not read or copy the text: the report waits for an idle moment, and the keys before it share one', async () => {
  const { bridge, reports, land } = fakeBridge();
  const mirror = await startDraftMirror(bridge, (message) => {
    throw new Error(message);
  });
  const owner = {};
  let reads = 0;
  let text = '';
  for (const key of 'abc') {
    text += key;
    markUnsaved(owner, { path: vp('D.md'), text: () => (reads++, text) });
    expect(reads).toBe(0);
  }
  expect(reports).toEqual([]);
  await idle();
  expect(reads).toBe(1);
  expect(reports).toEqual([[{ path: 'D.md', text: 'abc' }]]);
  await land();
  // Stopping reports a change still waiting for its idle moment.
  markUnsaved(owner, null);
  mirror.stop();
  expect(reports.at(-1)).toEqual([]);
});
