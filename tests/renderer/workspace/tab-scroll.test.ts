/** The tabs' places: what is read back from storage (never trusted), and what is recalled for which note. */
import { flushTabScroll, openTabScroll, parseTabScroll, recalledScroll, rememberScroll } from '../../../renderer/src/workspace/tab-scroll';
import { vp } from '../../support/vault-path';

test.each([
  ['nothing stored', null, []],
  ['not JSON', '{cut', []],
  ['not a list', '{"t1#0":1}', []],
  ['a good entry', '[["t1#0","A.md",240]]', [['t1#0', { path: 'A.md', top: 240 }]]],
  ['wrong shapes dropped, good kept', '[["t1#0","A.md",240],["t2#0",5,1],["t3#0","B.md","9"],["t4#0","C.md"],7]', [['t1#0', { path: 'A.md', top: 240 }]]],
  ['negative and non-finite offsets dropped', '[["t1#0","A.md",-3],["t2#0","B.md",1e999]]', []],
  ['an entry naming no vault path dropped', '[["t1#0","../A.md",1],["t2#0","B.md",2]]', [['t2#0', { path: 'B.md', top: 2 }]]],
  ['the later of two entries for a tab wins', '[["t1#0","A.md",1],["t1#0","B.md",2]]', [['t1#0', { path: 'B.md', top: 2 }]]],
])('%s', (_name, text, want) => {
  expect([...parseTabScroll(text)]).toEqual(want);
});

test('at most 200 tabs are kept from storage, the newest', () => {
  const entries = Array.from({ length: 250 }, (_, i) => [`t${i}#0`, 'A.md', i]);
  const parsed = parseTabScroll(JSON.stringify(entries));
  expect(parsed.size).toBe(200);
  expect(parsed.has('t49#0')).toBe(false);
  expect(parsed.get('t249#0')).toEqual({ path: 'A.md', top: 249 });
});

test('a place is recalled for its tab and note only, is kept per vault, and survives a reopen', () => {
  openTabScroll('/vault/one');
  rememberScroll('t1#0', vp('A.md'), 300);
  expect(recalledScroll('t1#0', vp('A.md'))).toBe(300);
  expect(recalledScroll('t1#0', vp('B.md'))).toBeNull();
  expect(recalledScroll('t2#0', vp('A.md'))).toBeNull();
  flushTabScroll();

  openTabScroll('/vault/two');
  expect(recalledScroll('t1#0', vp('A.md'))).toBeNull();
  openTabScroll('/vault/one');
  expect(recalledScroll('t1#0', vp('A.md'))).toBe(300);
});
