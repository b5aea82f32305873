import type { CheckedVaultPath } from '../../main/core/types';
import { toVaultPath, type VaultPathProblem } from '../../main/core/vault-path';

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
    const kept: CheckedVaultPath = checked.value;
    // @ts-expect-error an unchecked string must go through toVaultPath
    const unchecked: CheckedVaultPath = 'a.md';
    expect([kept, unchecked]).toEqual(['a.md', 'a.md']);
  });
});
