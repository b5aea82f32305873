import type { VaultPath } from '../../main/core/types';
import { isKnownPath, isVaultPath, toVaultPath, vaultPathFromListing, type VaultPathProblem } from '../../main/core/vault-path';
import { vp } from '../support/vault-path';

describe('toVaultPath', () => {
  test.each<[string, VaultPathProblem]>([
    ['', 'empty'],
    ['/etc/passwd', 'absolute'],
    ['/a.md', 'absolute'],
    ['\\\\server\\share\\a.md', 'absolute'],
    ['\\a.md', 'absolute'],
    ['C:\\x.md', 'absolute'],
    ['c:/x.md', 'absolute'],
    ['..', 'parent-segment'],
    ['../x.md', 'parent-segment'],
    ['a/../../b.md', 'parent-segment'],
    ['a/..', 'parent-segment'],
    ['..\\x.md', 'parent-segment'],
    ['a\0b.md', 'control-character'],
    ['a\nb.md', 'control-character'],
    ['a\\b.md', 'backslash'],
    ['a//b.md', 'not-normal'],
    ['./a.md', 'not-normal'],
    ['a/./b.md', 'not-normal'],
    ['a/', 'not-normal'],
    ['.', 'not-normal'],
  ])('%j is refused as %s', (raw, problem) => {
    const checked = toVaultPath(raw);
    expect(checked).toEqual({ ok: false, error: { problem, message: expect.stringContaining(JSON.stringify(raw)) } });
  });

  // Names, not URLs: dots inside a name, percent signs and non-ASCII are kept exactly as given.
  test.each([
    'A.md',
    'Folder/Sub/Note with spaces.md',
    'Ünïcode/日本.md',
    'a..b.md',
    '...md',
    '.hidden/x.md',
    '100% done.md',
    '%2e%2e%2fescape.md',
    'img.png',
    'noext',
  ])('%j is a vault path, unchanged', (raw) => {
    const checked = toVaultPath(raw);
    expect(checked).toEqual({ ok: true, value: raw });
  });

  test('the checked path is branded: a plain string is not one', () => {
    const checked = toVaultPath('a.md');
    if (!checked.ok) throw new Error('a.md should be a vault path');
    const kept: VaultPath = checked.value;
    // @ts-expect-error an unchecked string must go through toVaultPath
    const unchecked: VaultPath = 'a.md';
    expect([kept, unchecked]).toEqual(['a.md', 'a.md']);
  });
});

describe('the trusted ways around the guard', () => {
  test('vaultPathFromListing keeps the name as it is (no check, no copy)', () => {
    expect(vaultPathFromListing('Notes/a.md')).toBe('Notes/a.md');
  });

  test('isKnownPath: a string a set or map of paths holds is one; any other is not', () => {
    const known = new Set([vp('a.md')]);
    const byPath = new Map([[vp('b.md'), 1]]);
    const id: string = 'a.md';
    if (!isKnownPath(known, id)) throw new Error('a.md is known');
    const asPath: VaultPath = id;
    expect(asPath).toBe('a.md');
    expect([isKnownPath(known, 'b.md'), isKnownPath(byPath, 'b.md'), isKnownPath(byPath, 'a.md')]).toEqual([false, true, false]);
  });

  test.each([
    ['a.md', true],
    ['../a.md', false],
    ['', false],
    ['a//b.md', false],
    [7, false],
    [null, false],
  ])('isVaultPath(%j) is %j, as the guard says', (raw, expected) => expect(isVaultPath(raw)).toBe(expected));
});

describe("the tests' vp helper", () => {
  test('goes through the guard and throws on a bad path', () => {
    expect(vp('x/y.md')).toBe('x/y.md');
    expect(() => vp('../y.md')).toThrow(/not a vault path/);
  });
});
