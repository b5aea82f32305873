/**
 * The real service under jest's fake timers: MemoryApi.settled() moves the fake clock on until
 * the vault is open and an outside change is in the index, and no further than that needs, so a
 * test's own timers (an autosave a second away) do not fire behind its back.
 */
import { MemoryApi } from './memory-api';
import { fakeTimersOn } from './fake-timers';
import { vp } from '../../support/vault-path';

afterEach(() => jest.useRealTimers());

test('under fake timers, settled() opens the vault and takes in an outside change without firing a timer a second away', async () => {
  jest.useFakeTimers();
  expect(fakeTimersOn()).toBe(true);
  const fake = new MemoryApi({ notes: { 'A.md': 'see [[B]]' } });
  const later = jest.fn();
  setTimeout(later, 1000);
  await fake.settled();
  expect(fake.linksOf(vp('A.md')).map((link) => link.resolved)).toEqual([null]);
  fake.notes.set(vp('B.md'), 'here');
  await fake.settled();
  expect(fake.linksOf(vp('A.md')).map((link) => link.resolved)).toEqual(['B.md']);
  expect(later).not.toHaveBeenCalled();
  jest.advanceTimersByTime(1000);
  expect(later).toHaveBeenCalled();
});

test('with real timers it is the plain wait', async () => {
  expect(fakeTimersOn()).toBe(false);
  const fake = new MemoryApi({ notes: { 'A.md': 'see [[B]]' } });
  fake.notes.set(vp('B.md'), 'here');
  await fake.settled();
  expect(fake.linksOf(vp('A.md')).map((link) => link.resolved)).toEqual(['B.md']);
});
