import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanVault } from '../../../main/service/index/scan-vault';
import { makeTempDir, makeVault, removeDir } from '../temp-vault';

describe('scanVault', () => {
  const cleanup: string[] = [];
  afterAll(() => cleanup.forEach(removeDir));

  test('lists notes and attachments, skipping dot-folders, node_modules and temp files', async () => {
    const root = makeVault({
      'A.md': '# A',
      'Sub/B.MD': 'b',
      'Sub/img.png': 'png',
      '.obsidian/app.json': '{}',
      '.git/HEAD': 'ref',
      '.trash/Old.md': 'old',
      '.hidden/x.md': 'x',
      'node_modules/pkg/readme.md': 'r',
      'Sub/deep/node_modules/y.md': 'y',
      'draft.md~': 'temp',
      'C.md.swp': 'swap',
      'upload.tmp': 't',
      '.~lock.sheet.ods#': 'l',
      '.#A.md': 'lock',
    });
    cleanup.push(root);
    const { files, reports } = await scanVault(root);
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      ['A.md', 'note'],
      ['Sub/B.MD', 'note'],
      ['Sub/img.png', 'attachment'],
    ]);
    expect(files[0].size).toBe(3);
    expect(files[0].mtimeMs).toBeGreaterThan(0);
    expect(reports).toEqual([]);
  });

  test('follows symlinks inside the vault, reports escaping and broken ones', async () => {
    const outside = makeVault({ 'Secret.md': 'secret', 'dir/S2.md': 's' });
    const root = makeVault({ 'Real/N.md': 'n', 'Other/M.md': 'm' });
    cleanup.push(outside, root);
    fs.symlinkSync(path.join(root, 'Other', 'M.md'), path.join(root, 'LinkToM.md'));
    fs.symlinkSync(path.join(root, 'Real'), path.join(root, 'LinkDir'));
    fs.symlinkSync(path.join(outside, 'Secret.md'), path.join(root, 'Escape.md'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'EscapeDir'));
    fs.symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'Broken.md'));
    const { files, reports } = await scanVault(root);
    expect(files.map((f) => f.path)).toEqual(['LinkToM.md', 'Other/M.md', 'Real/N.md']);
    expect(reports.map((r) => [r.path, r.problem])).toEqual(
      [
        ['Broken.md', 'broken-symlink'],
        ['EscapeDir', 'symlink-outside'],
        ['Escape.md', 'symlink-outside'],
        ['LinkDir', 'symlink-loop'],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
  });

  test('never hangs on symlink loops', async () => {
    const root = makeVault({ 'a/N.md': 'n' });
    cleanup.push(root);
    fs.symlinkSync(root, path.join(root, 'a', 'up')); // a/up -> vault root
    fs.symlinkSync(path.join(root, 'self'), path.join(root, 'self')); // self-referencing link
    fs.symlinkSync(path.join(root, 'p2'), path.join(root, 'p1'));
    fs.symlinkSync(path.join(root, 'p1'), path.join(root, 'p2'));
    const { files, reports } = await scanVault(root);
    expect(files.map((f) => f.path)).toEqual(['a/N.md']);
    expect(reports.map((r) => [r.path, r.problem])).toEqual([
      ['a/up', 'symlink-loop'],
      ['p1', 'symlink-loop'],
      ['p2', 'symlink-loop'],
      ['self', 'symlink-loop'],
    ]);
  });

  test('a folder that cannot be read is reported instead of thrown', async () => {
    const root = makeTempDir();
    cleanup.push(root);
    fs.writeFileSync(path.join(root, 'Ok.md'), 'ok');
    const result = await scanVault(path.join(root, 'missing-folder'));
    expect(result.files).toEqual([]);
    expect(result.reports[0].problem).toBe('unreadable');
    expect((await scanVault(root)).files.map((f) => f.path)).toEqual(['Ok.md']);
  });

  test('names the API cannot open are reported, not listed and not silently dropped', async () => {
    // A backslash and a newline are legal in POSIX file names but not in a vault path.
    const root = makeVault({ 'Ok.md': 'ok', 'back\\slash.md': 'b', 'new\nline.md': 'n', 'bad\\dir/inner.md': 'i', '%2e%2e%2fescape.md': 'e' });
    cleanup.push(root);
    const { files, reports } = await scanVault(root);
    expect(files.map((f) => f.path)).toEqual(['%2e%2e%2fescape.md', 'Ok.md']);
    expect(reports.map((r) => [r.path, r.problem]).sort()).toEqual([
      ['back\\slash.md', 'unopenable-name'],
      ['bad\\dir', 'unopenable-name'],
      ['new\nline.md', 'unopenable-name'],
    ]);
  });

  test('a sliced scan gives the event loop turns and lists exactly what one pass lists', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`F${i % 7}/Note ${i}.md`] = `n${i}`;
    const root = makeVault(files);
    cleanup.push(root);
    fs.symlinkSync(path.join(root, 'F1'), path.join(root, 'Linked'));
    let turns = 0;
    let counting = setImmediate(function tick() {
      turns++;
      counting = setImmediate(tick);
    });
    // sliceMs 0: a turn at every look at the clock; one pass runs to its end without one.
    const sliced = await scanVault(root, undefined, { sliceMs: 0 });
    const slicedTurns = turns;
    turns = 0;
    const whole = await scanVault(root);
    clearImmediate(counting);
    expect(slicedTurns).toBeGreaterThan(0);
    expect(turns).toBe(0);
    expect(sliced).toEqual(whole);
    expect(whole.files).toHaveLength(300);
    expect(whole.reports.map((r) => [r.path, r.problem])).toEqual([['Linked', 'symlink-loop']]);
  });
});
