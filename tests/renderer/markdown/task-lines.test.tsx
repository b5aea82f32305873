/** Task-list checkboxes in the reading view write `[ ]`/`[x]` to the right line, through writeNote with the rendered hash. */
import '../setup';
import { cleanup, fireEvent, waitFor } from '@testing-library/react';
import { renderApp } from '../render-app';
import { setTaskOnLine } from '../../../renderer/src/markdown/task-lines';
import { hashText } from '../../../main/service/files/read-vault-file';
import { vp } from '../../support/vault-path';

afterEach(cleanup);

test.each([
  ['- [ ] a', 1, true, '- [x] a'],
  ['- [x] a', 1, false, '- [ ] a'],
  ['- [X] a', 1, false, '- [ ] a'],
  ['x\n  * [ ] nested', 2, true, 'x\n  * [x] nested'],
  ['> - [ ] quoted', 1, true, '> - [x] quoted'],
  ['1. [ ] numbered\r\n2) [ ] b', 2, true, '1. [ ] numbered\r\n2) [x] b'],
  ['- [ ] a', 2, true, null],
  ['plain [ ] text', 1, true, null],
  ['- [y] not a task', 1, true, null],
])('setTaskOnLine(%j, %i, %s)', (text, line, checked, expected) => {
  expect(setTaskOnLine(text, line, checked)).toBe(expected);
});

const NOTE = '---\ntitle: x\n---\n# Tasks\n\n- [ ] first\n- [x] second\n  - [ ] nested\n\n1. [ ] loose\n\n2. [x] loose two\n\n```\n- [ ] in code\n```\n';

async function open(options: { readOnly?: boolean } = {}) {
  const app = renderApp({ notes: { 'Tasks.md': NOTE, 'Host.md': '![[Tasks]]\n' }, readOnly: options.readOnly }, '#/note/Tasks.md');
  // The app loads and draws the note first: more than waitFor's default second on a loaded machine.
  await waitFor(() => expect(app.note().querySelectorAll('.markdown-body input[type=checkbox]').length).toBe(5), { timeout: 10_000 });
  return app;
}

const boxes = (app: Awaited<ReturnType<typeof open>>) => Array.from(app.note().querySelectorAll<HTMLInputElement>('.markdown-body input[type=checkbox]'));

test.each([
  [0, '- [x] first'],
  [1, '- [ ] second'],
  [2, '  - [x] nested'],
  [3, '1. [x] loose'],
  [4, '2. [ ] loose two'],
])('clicking checkbox %i writes %j on its own line and nothing else', async (index, line) => {
  const app = await open();
  const hashes: (string | null)[] = [];
  const write = app.api.writeNote;
  app.api.writeNote = (path, text, hash) => {
    hashes.push(hash);
    return write(path, text, hash);
  };
  const box = boxes(app)[index];
  expect(box.disabled).toBe(false);
  fireEvent.click(box);
  await waitFor(() => expect(app.fake.calls.some((c) => c.method === 'writeNote')).toBe(true));
  const call = app.fake.calls.find((c) => c.method === 'writeNote')!;
  const [path, text] = call.args as [string, string];
  expect(path).toBe('Tasks.md');
  // The hash of the note as it was read and rendered (the hand-written fake's hashes were `h<length>`).
  expect(hashes).toEqual([hashText(NOTE)]);
  const before = NOTE.split('\n');
  const after = text.split('\n');
  const changed = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
  expect(changed).toHaveLength(1);
  expect(after[changed[0]]).toBe(line);
  await waitFor(() => expect(boxes(app)[index].checked).toBe(line.includes('[x]')));
});

test('a conflict (the note changed on disk) writes nothing and says so', async () => {
  const app = await open();
  const writes: unknown[][] = [];
  app.api.writeNote = async (...args) => {
    writes.push(args);
    return { ok: false, error: { code: 'conflict', message: 'changed' } };
  };
  fireEvent.click(boxes(app)[0]);
  await waitFor(() => expect(app.container.textContent).toContain('changed on disk since it was shown, so the task was not changed'));
  expect(writes).toHaveLength(1);
  expect(app.fake.notes.get(vp('Tasks.md'))).toBe(NOTE);
  await waitFor(() => expect(boxes(app)[0].checked).toBe(false));
});

test('read-only mode disables the checkboxes; embeds and previews never write', async () => {
  const app = await open({ readOnly: true });
  for (const box of boxes(app)) expect(box.disabled).toBe(true);
  fireEvent.click(boxes(app)[0]);
  cleanup();
  const host = renderApp({ notes: { 'Tasks.md': NOTE, 'Host.md': '![[Tasks]]\n' } }, '#/note/Host.md');
  await waitFor(() => expect(host.note().querySelectorAll('.embed-note input[type=checkbox]').length).toBe(5), { timeout: 10_000 });
  for (const box of Array.from(host.note().querySelectorAll<HTMLInputElement>('.embed-note input[type=checkbox]'))) expect(box.disabled).toBe(true);
  expect(host.fake.calls.filter((c) => c.method === 'writeNote')).toEqual([]);
});
