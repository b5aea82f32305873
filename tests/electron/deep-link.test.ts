jest.mock('electron', () => require('./electron-mock').createElectronMock());

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDeepLink } from '../../main/electron/deep-link';
import { openDeepLink, type DeepLinkHost } from '../../main/electron/deep-link-open';
import { resolveLinkTarget } from '../../main/electron/deep-link-target';
import { parseLaunchArgs } from '../../main/electron/launch-args';
import type { VaultBackend } from '../../main/electron/vault-backend';
import { vp } from '../support/vault-path';

describe('parseDeepLink', () => {
  test.each([
    ['plexus://open?vault=Work&file=Notes%2FPlan.md', { kind: 'vault-file', vault: 'Work', file: 'Notes/Plan.md' }],
    ['plexus://open/?vault=My%20Vault&file=Plan', { kind: 'vault-file', vault: 'My Vault', file: 'Plan' }],
    ['plexus:open?file=A.md', { kind: 'vault-file', vault: null, file: 'A.md' }],
    ['plexus://open?vault=Work', { kind: 'vault-file', vault: 'Work', file: null }],
    ['plexus://open?vault=Work&utm=x', { kind: 'vault-file', vault: 'Work', file: null }],
    ['plexus://open?path=%2Fhome%2Fme%2FWork%2FA.md&vault=Ignored', { kind: 'absolute', path: '/home/me/Work/A.md' }],
    ['plexus://open?path=C%3A%5CUsers%5Cme%5CA.md', { kind: 'absolute', path: 'C:\\Users\\me\\A.md' }],
  ])('%s', (link, expected) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['not a url', 'not a valid URL'],
    ['https://open?vault=x', 'Not a plexus: link'],
    // The app's own pages are not links.
    ['plexus://app/index.html', 'is not one'],
    ['plexus://vault/assets/a.png', 'is not one'],
    ['plexus://open/extra?vault=x', 'is not one'],
    ['plexus://delete?file=A.md', 'is not one'],
    ['plexus://open?file=..%2F..%2Fetc%2Fpasswd', '“..”'],
    ['plexus://open?file=Notes%2F..%2F..%2Fx.md', '“..”'],
    ['plexus://open?file=%2Fetc%2Fpasswd', 'use “path”'],
    ['plexus://open?file=C%3A%2FWindows%2Fx.md', 'use “path”'],
    ['plexus://open?file=Notes%5C..%5Cx.md', '“\\”'],
    ['plexus://open?file=Notes%2F%2Fx.md', 'empty or “.”'],
    ['plexus://open?file=.%2Fx.md', 'empty or “.”'],
    ['plexus://open?file=a%00b.md', 'control character'],
    ['plexus://open?file=', 'empty'],
    ['plexus://open?vault=a&vault=b', 'twice'],
    ['plexus://open?path=relative%2FA.md', 'absolute'],
    ['plexus://open?path=%2Fhome%2Fme%2F..%2Fx.md', '“..”'],
    [`plexus://open?file=${'a'.repeat(9000)}`, 'too long'],
  ])('refuses %s', (link, message) => {
    const parsed = parseDeepLink(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('invalid-input');
      expect(parsed.error.message).toContain(message);
    }
  });
});

test('launch args: --read-only and every plexus: link, wherever Electron or Chromium put their own switches', () => {
  expect(parseLaunchArgs(['/opt/Plexus/plexus', '--allow-file-access-from-files', 'PLEXUS://open?vault=A', '--read-only', 'plexus:open?file=b'])).toEqual({
    readOnly: true,
    links: ['PLEXUS://open?vault=A', 'plexus:open?file=b'],
  });
  expect(parseLaunchArgs(['/usr/bin/electron', '.'])).toEqual({ readOnly: false, links: [] });
  // argv[0] is the executable, never a flag.
  expect(parseLaunchArgs(['--read-only'])).toEqual({ readOnly: false, links: [] });
});

describe('resolveLinkTarget', () => {
  let dir: string;
  let work: string;
  let home: string;
  let other: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plexus-deep-link-'));
    work = path.join(dir, 'Work');
    home = path.join(dir, 'nested', 'Home');
    other = path.join(dir, 'elsewhere', 'Work');
    for (const folder of [work, home, other, path.join(dir, 'outside')]) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(work, 'A.md'), '# A');
    writeFileSync(path.join(dir, 'outside', 'secret.md'), 'secret');
    symlinkSync(path.join(dir, 'outside'), path.join(work, 'escape'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const link = (vault: string | null, file: string | null) => ({ kind: 'vault-file' as const, vault, file: file === null ? null : vp(file) });

  test('a vault by folder name among the known ones; the open vault by default', async () => {
    expect(await resolveLinkTarget(link('Home', 'x.md'), null, [work, home])).toEqual({ ok: true, value: { root: home, file: 'x.md' } });
    expect(await resolveLinkTarget(link('home', null), null, [work, home])).toEqual({ ok: true, value: { root: home, file: null } });
    expect(await resolveLinkTarget(link(null, 'A.md'), work, [home])).toEqual({ ok: true, value: { root: work, file: 'A.md' } });
  });

  test('an unknown name, or one shared by two vaults, is a clear message', async () => {
    const unknown = await resolveLinkTarget(link('Nope', null), work, [home]);
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringContaining('knows no vault called “Nope”') } });
    const tie = await resolveLinkTarget(link('Work', null), home, [work, other]);
    expect(tie).toMatchObject({ ok: false, error: { message: expect.stringContaining('Several vaults are called “Work”') } });
    // The open vault wins a tie.
    expect(await resolveLinkTarget(link('Work', null), other, [work])).toEqual({ ok: true, value: { root: other, file: null } });
    expect(await resolveLinkTarget(link(null, 'A.md'), null, [work])).toMatchObject({ ok: false });
  });

  test('path= must lie inside a known vault, also after following symlinks', async () => {
    const inside = await resolveLinkTarget({ kind: 'absolute', path: path.join(work, 'A.md') }, null, [home, work]);
    expect(inside).toEqual({ ok: true, value: { root: work, file: 'A.md' } });
    expect(await resolveLinkTarget({ kind: 'absolute', path: work }, null, [work])).toEqual({ ok: true, value: { root: work, file: null } });
    const outside = await resolveLinkTarget({ kind: 'absolute', path: path.join(dir, 'outside', 'secret.md') }, null, [work, home]);
    expect(outside).toMatchObject({ ok: false, error: { message: expect.stringContaining('is not inside a vault Plexus knows') } });
    const viaSymlink = await resolveLinkTarget({ kind: 'absolute', path: path.join(work, 'escape', 'secret.md') }, null, [work]);
    expect(viaSymlink.ok).toBe(false);
    // The deepest known vault holds a file of nested vaults.
    const nested = await resolveLinkTarget({ kind: 'absolute', path: path.join(home, 'n.md') }, null, [dir, home]);
    expect(nested).toEqual({ ok: true, value: { root: home, file: 'n.md' } });
  });
});

describe('openDeepLink', () => {
  function fakeHost(files: string[], options: { readOnly?: boolean; answer?: number; switchFails?: boolean } = {}) {
    const calls: string[] = [];
    const indexed = new Set(files);
    let current: VaultBackend | null = null;
    const backend = (root: string): VaultBackend =>
      ({
        root,
        access: { root, isIndexed: async (p: string) => indexed.has(p) },
        handlers: {
          createNote: async (p: string) => {
            calls.push(`create ${p}`);
            indexed.add(p);
            return { ok: true, value: { hash: 'h' } };
          },
        },
      }) as unknown as VaultBackend;
    current = backend('/v/Work');
    const host: DeepLinkHost = {
      current: () => current,
      recentVaults: () => ['/v/Work', '/v/Home'],
      readOnly: options.readOnly ?? false,
      switchVault: async (root) => {
        calls.push(`switch ${root}`);
        if (!options.switchFails) current = backend(root);
      },
      showNote: async (p) => void calls.push(`show ${p}`),
      tell: async (message, detail) => void calls.push(`tell ${message} ${detail}`),
      ask: async (message, detail) => {
        calls.push(`ask ${message} ${detail}`);
        return options.answer ?? 1;
      },
    };
    return { host, calls };
  }

  test('opens a note of the open vault, with or without .md', async () => {
    const { host, calls } = fakeHost(['Plan.md', 'img.png']);
    await openDeepLink('plexus://open?vault=Work&file=Plan', host);
    await openDeepLink('plexus://open?file=img.png', host);
    expect(calls).toEqual(['show Plan.md', 'show img.png']);
  });

  test('switches to the named vault first; a failed switch stops there', async () => {
    const { host, calls } = fakeHost(['A.md']);
    await openDeepLink('plexus://open?vault=Home&file=A.md', host);
    expect(calls).toEqual(['switch /v/Home', 'show A.md']);
    const failing = fakeHost(['A.md'], { switchFails: true });
    await openDeepLink('plexus://open?vault=Home&file=A.md', failing.host);
    expect(failing.calls).toEqual(['switch /v/Home']);
  });

  test('a missing note is offered for creation; Cancel creates nothing', async () => {
    const { host, calls } = fakeHost([], { answer: 0 });
    await openDeepLink('plexus://open?file=New%20Idea', host);
    expect(calls).toEqual(['ask “New Idea” is not in the vault “Work”. Create the note “New Idea.md”?', 'create New Idea.md', 'show New Idea.md']);
    const cancel = fakeHost([], { answer: 1 });
    await openDeepLink('plexus://open?file=New%20Idea', cancel.host);
    expect(cancel.calls).toHaveLength(1);
  });

  test('a missing attachment, or a missing note in a read-only vault, is only reported', async () => {
    const attachment = fakeHost([]);
    await openDeepLink('plexus://open?file=gone.png', attachment.host);
    expect(attachment.calls).toEqual([expect.stringMatching(/^tell “gone.png” is not in the vault “Work”\./)]);
    const readOnly = fakeHost([], { readOnly: true });
    await openDeepLink('plexus://open?file=New.md', readOnly.host);
    expect(readOnly.calls).toEqual([expect.stringContaining('read-only')]);
  });

  test('a bad link or an unknown vault is a message, never a switch or a note', async () => {
    const { host, calls } = fakeHost(['A.md']);
    await openDeepLink('plexus://open?file=..%2Fsecret.md', host);
    await openDeepLink('plexus://open?vault=Nope&file=A.md', host);
    await openDeepLink('plexus://app/index.html', host);
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(call).toMatch(/^tell Plexus cannot open this link\./);
  });
});
