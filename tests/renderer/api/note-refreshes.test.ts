/** Re-reads of parts of shown notes, joined per burst, and dropped only while a full re-read waits to start (renderer/src/api/note-refreshes.ts). */
import { NoteRefreshes } from '../../../renderer/src/api/note-refreshes';
import type { NotePart } from '../../../renderer/src/hooks/live-updates';
import { RELOAD_COALESCE_MS } from '../../../renderer/src/hooks/use-reload-version';
import { vp } from '../../support/vault-path';

let bus: NoteRefreshes;
let heard: [string, NotePart[]][];
beforeEach(() => {
  jest.useFakeTimers();
  bus = new NoteRefreshes();
  heard = [];
  bus.subscribe((path, parts) => heard.push([path, [...parts].sort()]));
});
afterEach(() => jest.useRealTimers());

test('parts asked for in one burst are read once per note', () => {
  bus.request(vp('A.md'), ['outgoing']);
  bus.request(vp('A.md'), ['meta', 'outgoing']);
  bus.request(vp('B.md'), ['backlinks']);
  expect(heard).toEqual([]);
  jest.advanceTimersByTime(RELOAD_COALESCE_MS);
  expect(heard).toEqual([
    ['A.md', ['meta', 'outgoing']],
    ['B.md', ['backlinks']],
  ]);
});

test('while a full re-read waits, parts are dropped; once it has started, they are read again', () => {
  bus.request(vp('A.md'), ['outgoing']);
  bus.fullScheduled();
  bus.request(vp('A.md'), ['backlinks']);
  jest.advanceTimersByTime(RELOAD_COALESCE_MS);
  expect(heard).toEqual([]);
  // The bus's own timer has passed, but the full re-read has not started: still dropped.
  bus.request(vp('A.md'), ['unlinked']);
  jest.advanceTimersByTime(RELOAD_COALESCE_MS);
  expect(heard).toEqual([]);
  bus.fullStarted();
  // Asked for after the full re-read read its parts: must be read (another note now links here).
  bus.request(vp('A.md'), ['backlinks', 'unlinked']);
  jest.advanceTimersByTime(RELOAD_COALESCE_MS);
  expect(heard).toEqual([['A.md', ['backlinks', 'unlinked']]]);
});
