/**
 * Path traversal through the api handlers and the browser server, against a real vault with
 * secrets and escaping symlinks beside it: every hostile path is refused, nothing outside the
 * vault is read into a response or changed, and the vault itself is left as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openVaultSession, type VaultSession } from '../../main/service/vault-session';
import { startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import { makeStaticDir, raw } from '../server/helpers';
import { ENCODED_NAMES, HOSTILE_PATHS, SECRET, makeSandbox, type Sandbox } from './boundary-sandbox';
import { unchecked, vp } from '../support/vault-path';

let box: Sandbox;
let session: VaultSession;
let server: BrowserServer;
let before: string;
let staticDir: string;

beforeAll(async () => {
  box = makeSandbox();
  before = box.outsideSnapshot();
  session = await openVaultSession(box.vault, {
    kind: 'browser',
    readOnly: false,
    openExternal: () => undefined,
    cacheDir: null,
    workers: 0,
    dataDir: box.dataDir,
  });
  staticDir = makeStaticDir();
  server = await startBrowserServer({
    handlers: session.handlers,
    subscribe: session.subscribe,
    readOnly: false,
    staticDir,
    token: 't'.repeat(64),
    log: () => undefined,
  });
});

afterAll(async () => {
  await server?.close();
  await session?.close();
  box.cleanup();
});

const h = () => session.handlers;
const leaks = (value: unknown) => JSON.stringify(value).includes(SECRET);

describe.each(HOSTILE_PATHS.map((p) => [JSON.stringify(p), p]))('path %s', (_label, p) => {
  test('reads are refused and leak nothing', async () => {
    for (const result of [
      await h().readNote(unchecked(p)),
      await h().readAttachment(unchecked(p)),
      await h().getNoteMeta(unchecked(p)),
      await h().getBacklinks(unchecked(p)),
      await h().getOutgoingLinks(unchecked(p)),
    ]) {
      expect(result.ok).toBe(false);
      expect(leaks(result)).toBe(false);
    }
    expect((await h().resolveLink(vp('A.md'), p)).resolved === null || !leaks(await h().resolveLink(vp('A.md'), p))).toBe(true);
  });

  test('writes, creates, renames and deletes are refused', async () => {
    const results = [
      await h().writeNote(unchecked(p), 'pwned', null),
      await h().createNote(unchecked(p), 'pwned'),
      await h().renameNote(vp('A.md'), unchecked(p)),
      await h().renameNote(unchecked(p), vp('moved.md')),
      await h().deleteNote(unchecked(p)),
      await h().planRename(vp('A.md'), unchecked(p)),
    ];
    for (const result of results) expect(result.ok).toBe(false);
    expect(box.outsideSnapshot()).toBe(before);
  });

  test('file recovery leaks nothing and restores nothing', async () => {
    for (const result of [await h().listVersions(unchecked(p)), await h().readVersion(unchecked(p), 'abc-01234567')]) expect(leaks(result)).toBe(false);
    const listed = await h().listVersions(unchecked(p));
    expect(!listed.ok || listed.value.length === 0).toBe(true);
    expect((await h().restoreVersion(unchecked(p), 'abc-01234567', null)).ok).toBe(false);
    expect(box.outsideSnapshot()).toBe(before);
  });

  test('POST /api/readNote and /api/writeNote over HTTP are refused', async () => {
    const post = (method: string, args: unknown[]) =>
      raw(server.port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'x-plexus-token': server.token, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
    const read = await post('readNote', [p]);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body).ok).toBe(false);
    expect(read.body).not.toContain(SECRET);
    const written = await post('writeNote', [p, 'pwned', null]);
    expect(JSON.parse(written.body).ok).toBe(false);
    expect(box.outsideSnapshot()).toBe(before);
  });
});

describe.each(ENCODED_NAMES.map((p) => [JSON.stringify(p), p]))('encoded name %s', (_label, p) => {
  test('is a literal name inside the vault: never decoded into a climb', async () => {
    const read = await h().readNote(vp(p));
    expect(read.ok).toBe(false);
    expect(leaks(read)).toBe(false);
    const created = await h().createNote(vp(p), 'inside');
    // '..%2fsecret.md' is a dot-file, which is never a note; the others are plain names.
    expect(created).toMatchObject(p.startsWith('.') ? { ok: false, error: { code: 'invalid-input' } } : { ok: true });
    if (created.ok) expect(fs.readFileSync(path.join(box.vault, ...p.split('/')), 'utf8')).toBe('inside');
    expect(box.outsideSnapshot()).toBe(before);
    if (created.ok) {
      expect((await h().deleteNote(vp(p))).ok).toBe(true);
      // The index drops it when the watcher sees the deletion; later tests count the files.
      const deadline = Date.now() + 15_000;
      while ((await h().listFiles()).some((f) => f.path === p) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await h().listFiles()).map((f) => f.path)).not.toContain(p);
    }
  });
});

test('embeds and links that climb out of the vault resolve to nothing', async () => {
  for (const target of ['../../.ssh/id_rsa', '../secret.md', '../secret', 'escape-link', 'escape-link.md', 'escape.png', '/etc/passwd']) {
    expect((await h().resolveLink(vp('A.md'), target)).resolved).toBeNull();
  }
  const outgoing = await h().getOutgoingLinks(vp('A.md'));
  expect(outgoing.ok && outgoing.value.every((l) => l.resolved === null)).toBe(true);
});

test('the index holds only the real vault files: escaping symlinks and loops are skipped', async () => {
  const files = (await h().listFiles()).map((f) => f.path).sort();
  expect(files).toEqual(['A.md', 'pic.png', 'sub/B.md']);
  const reports = session.service.reports().map((r) => `${r.path} ${r.problem}`);
  expect(reports).toEqual(expect.arrayContaining(['escape-link.md symlink-outside', 'escape-dir symlink-outside', 'escape.png symlink-outside']));
});

test('static file paths cannot climb out of the renderer folder', async () => {
  const paths = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '//secret.txt',
    '/%00',
    '/..\\secret.txt',
  ];
  for (const p of paths) {
    const res = await raw(server.port, { path: p, headers: { 'x-plexus-token': server.token } });
    expect(res.body).not.toContain('top secret');
  }
});

test('a legitimate note still reads and saves (the refusals above are not blanket)', async () => {
  const read = await h().readNote(vp('sub/B.md'));
  expect(read.ok).toBe(true);
  const saved = await h().writeNote(vp('sub/B.md'), '# B\n\n[[A]] edited\n', null);
  expect(saved.ok).toBe(true);
  expect(box.outsideSnapshot()).toBe(before);
});
