/**
 * Editing end to end: the real `plexus serve` on a temp copy of the sample vault, in headless
 * Chromium. New note with `[[` completion and autosave, the three ways out of a conflict with a
 * change made on disk, rename with link rewriting plus a byte-exact Undo, and the keyboard
 * landing in the editor of a note just created (Ctrl+N, the New note button, an unresolved
 * link) or renamed while editing, and an autosave not read back as a change. Screenshots of the editor, the conflict bar and the rename
 * dialog go to tests/artifacts/. Every wait is on state (an element, the disk, the URL), never
 * on time: this runs on loaded 2-core machines.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pollFile, pollUntil, readFileOrNull } from './support/poll';
import { openServedApp, type ServedApp } from './support/served-app';

jest.setTimeout(120_000);

let app: ServedApp;
let page: Page;

beforeAll(async () => {
  app = await openServedApp({
    beforeOpen: async () => {
      // These tests read the editor's lines from the DOM: source mode shows them as written.
    },
    sourceMode: true,
    waitFor: 'welcome',
  });
  page = app.page;
});

afterAll(() => app?.close());

const note = () => page.getByRole('main', { name: 'Note' });
const editorContent = () => note().locator('.cm-content');
/** The editor with the keyboard focus: what is typed next goes into the note. */
const focusedEditor = () => note().locator('.cm-content:focus');
const onDisk = (path: string) => join(app.served.vaultDir, ...path.split('/'));
const readDisk = (path: string) => readFileOrNull(onDisk(path));

/** The editor's text, line by line (the test notes are short, so every line is rendered). */
async function editorText(): Promise<string> {
  const lines = await editorContent().locator('.cm-line').allTextContents();
  return lines.join('\n');
}

const waitForDisk = (path: string, accept: (text: string | null) => boolean, what: string) => pollFile(onDisk(path), accept, what);

async function waitForEditor(accept: (text: string) => boolean, what: string): Promise<string> {
  const text = await pollUntil(editorText, accept, 15_000);
  if (!accept(text)) throw new Error(`the editor never ${what}; it shows:\n${text}`);
  return text;
}

function snapshotVault(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.set(relative(dir, abs), readFileSync(abs));
    }
  };
  walk(dir);
  return out;
}

test('Ctrl+N creates a note; [[ completion inserts an alias link; autosave writes it; the target lists the backlink', async () => {
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New note' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Welcome');
  await dialog.getByText('“Welcome.md” already exists.').waitFor();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Learning Log');
  await dialog.getByText('Learning Log.md', { exact: true }).waitFor();
  // Enter in the name field, then type: the keystrokes go into the new note, no click needed.
  await page.keyboard.press('Enter');

  await page.waitForURL(/#\/note\/Learning%20Log\.md$/);
  await focusedEditor().waitFor();
  expect(readDisk('Learning Log.md')).toBe('');
  await page.keyboard.type('# Learning Log\n\nToday: gradients come from [[Backprop');
  const option = page.locator('.cm-tooltip-autocomplete li', { has: page.locator('.cm-completionLabel', { hasText: /^Backprop$/ }) });
  await option.waitFor();
  await expect(option.locator('.cm-completionDetail').textContent()).resolves.toBe('alias of Backpropagation');
  await page.screenshot({ path: artifactPath('editing-01-completion.png') });
  await option.click();
  await waitForEditor((t) => t.includes('[[Backpropagation|Backprop]]'), 'showed the completed link');
  await page.keyboard.type(' and the chain rule.');

  const saved = await waitForDisk('Learning Log.md', (t) => !!t && t.includes('[[Backpropagation|Backprop]] and the chain rule.'), 'got the link');
  expect(saved).toBe('# Learning Log\n\nToday: gradients come from [[Backpropagation|Backprop]] and the chain rule.');
  await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.screenshot({ path: artifactPath('editing-02-editor.png') });

  // The side-by-side preview shows what was saved, with the link rendered.
  await note().getByRole('button', { name: 'Preview' }).click();
  await note().getByRole('region', { name: 'Preview' }).getByRole('link', { name: 'Backprop' }).waitFor();
  await page.screenshot({ path: artifactPath('editing-03-preview.png') });
  await note().getByRole('button', { name: 'Preview' }).click();

  await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: 'Backpropagation', exact: true }).click();
  await page.waitForURL(/Backpropagation\.md$/);
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  await backlinks.getByRole('link', { name: 'Learning Log', exact: true }).waitFor({ timeout: 15_000 });
  // Leave Backpropagation without an editor on it (the rename test rewrites it).
  await page.keyboard.press('Control+e');
  await note().getByRole('button', { name: 'Edit', exact: true }).waitFor();
});

describe('a change on disk while the editor has unsaved text', () => {
  const path = 'Conflict Test.md';
  const base = '# Conflict Test\n\nThe first line.';

  beforeAll(async () => {
    writeFileSync(onDisk(path), base);
    await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: 'Conflict Test', exact: true }).click();
    await page.waitForURL(/Conflict%20Test\.md$/);
    await note().getByRole('button', { name: 'Edit', exact: true }).click();
    await waitForEditor((t) => t === base, 'loaded the note');
  });

  /**
   * Holds the editor's saves until released. Typing then changing the disk "inside the autosave
   * delay" is a bet on time that a loaded machine loses (the save lands first, the change is then
   * a plain reload, no conflict); held, a save sent meanwhile reaches the service after the disk
   * change and finds it, which is the same conflict.
   */
  async function holdSaves(): Promise<() => Promise<void>> {
    const held: Route[] = [];
    let holding = true;
    const handler = async (route: Route) => {
      if (holding) held.push(route);
      else await route.continue();
    };
    await page.route('**/api/writeNote', handler);
    return async () => {
      holding = false;
      await Promise.all(held.splice(0).map((route) => route.continue()));
      await page.unroute('**/api/writeNote', handler);
    };
  }

  /** Types at the end of the note, then, before any save of it can land, changes the file on disk. */
  async function conflictWith(typed: string, theirs: string): Promise<string> {
    const before = await editorText();
    await editorContent().click();
    await page.keyboard.press('Control+End');
    const release = await holdSaves();
    await page.keyboard.type(typed);
    writeFileSync(onDisk(path), theirs);
    await release();
    const bar = note().getByRole('alert').filter({ hasText: 'changed on disk while you were editing' });
    await bar.waitFor({ timeout: 15_000 });
    await bar.locator('.editor-diff').waitFor();
    const mine = before + typed;
    expect(await editorText()).toBe(mine);
    return mine;
  }

  /**
   * The autosave still pending from typing "mine" must write nothing once theirs is taken. Rather
   * than wait out its delay, make the same save request now (Ctrl+S; it also cancels the timer):
   * with nothing unsaved it sends no write, and the disk keeps theirs.
   */
  async function expectNothingToSave(theirs: string): Promise<void> {
    const writes: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().endsWith('/api/writeNote')) writes.push(request.url());
    };
    page.on('request', onRequest);
    await editorContent().click();
    await page.keyboard.press('Control+s');
    await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    page.off('request', onRequest);
    expect(writes).toEqual([]);
    expect(readDisk(path)).toBe(theirs);
  }

  test('keep mine: the disk gets the editor text', async () => {
    // No final newline in any version: the writer keeps the file's own final-newline convention, so
    // mixing them would (rightly) add one to "mine" on disk.
    const mine = await conflictWith('\nMine, round one.', '# Conflict Test\n\nTheirs, round one.');
    const diff = await note().locator('.editor-diff').textContent();
    expect(diff).toContain('− theirs: Theirs, round one.');
    expect(diff).toContain('+ mine:   Mine, round one.');
    await page.screenshot({ path: artifactPath('editing-04-conflict.png') });
    await note().getByRole('button', { name: 'Keep mine' }).click();
    await waitForDisk(path, (t) => t === mine, 'became mine');
    await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await editorText()).toBe(mine);
  });

  test('take theirs: the editor shows the disk version and the disk is left alone', async () => {
    const theirs = '# Conflict Test\n\nTheirs, round two.';
    await conflictWith('\nMine, round two.', theirs);
    await note().getByRole('button', { name: 'Take theirs' }).click();
    await waitForEditor((t) => t === theirs, 'showed theirs');
    await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expectNothingToSave(theirs);
    expect(await editorText()).toBe(theirs);
  });

  test('keep both: the disk keeps theirs and a dated conflict copy holds mine', async () => {
    const theirs = '# Conflict Test\n\nTheirs, round three.';
    const mine = await conflictWith('\nMine, round three.', theirs);
    await note().getByRole('button', { name: 'Keep both' }).click();
    await waitForEditor((t) => t === theirs, 'showed theirs');
    const copies = await pollUntil(
      async () => readdirSync(app.served.vaultDir).filter((f) => /^Conflict Test \(conflict \d{4}-\d{2}-\d{2} \d{4}\)\.md$/.test(f)),
      (list) => list.length > 0,
    );
    expect(copies).toHaveLength(1);
    expect(readDisk(copies[0])).toBe(mine);
    await note().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expectNothingToSave(theirs);
    await page.keyboard.press('Control+e');
    await note().getByRole('button', { name: 'Edit', exact: true }).waitFor();
  });
});

test('rename rewrites the linking notes; Undo puts every byte back', async () => {
  const from = 'How LLMs Work/Chain Rule of Calculus.md';
  const to = 'How LLMs Work/Chain Rule.md';
  const linking = ['Welcome.md', 'How LLMs Work/RNN.md', 'How LLMs Work/Backpropagation.md'];
  const explorer = page.getByRole('navigation', { name: 'File explorer' });
  await explorer.getByRole('link', { name: 'Chain Rule of Calculus', exact: true }).click();
  await page.waitForURL(/Chain%20Rule%20of%20Calculus\.md$/);
  await note().getByRole('heading', { level: 1, name: 'Chain Rule of Calculus' }).first().waitFor();
  const before = snapshotVault(app.served.vaultDir);

  await explorer.getByRole('button', { name: 'Actions for Chain Rule of Calculus.md' }).click();
  await explorer.getByRole('menuitem', { name: 'Rename or move…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename note' });
  await dialog.getByRole('textbox', { name: 'New path' }).fill(to);
  const affected = dialog.getByRole('region', { name: 'Links to update' });
  await affected.waitFor();
  for (const p of linking) await affected.getByText(p, { exact: true }).waitFor();
  await page.screenshot({ path: artifactPath('editing-05-rename-dialog.png') });
  await dialog.getByRole('button', { name: 'Rename' }).click();

  await page.waitForURL(/Chain%20Rule\.md$/);
  await note().getByRole('heading', { level: 1, name: 'Chain Rule' }).first().waitFor();
  expect(existsSync(onDisk(from))).toBe(false);
  expect(existsSync(onDisk(to))).toBe(true);
  for (const p of linking) {
    const text = readDisk(p)!;
    expect(text).not.toContain('Chain Rule of Calculus');
    expect(text).toMatch(/\[\[Chain Rule[|#\]]/);
  }
  expect(readDisk('How LLMs Work/RNN.md')).toContain('[[Chain Rule|chain rule]]');
  expect(readDisk('How LLMs Work/Backpropagation.md')).toContain('![[Chain Rule#Intuition]]');
  await page.screenshot({ path: artifactPath('editing-06-renamed.png') });

  await page.getByRole('status').filter({ hasText: 'Renamed' }).getByRole('button', { name: 'Undo' }).click();
  await page.waitForURL(/Chain%20Rule%20of%20Calculus\.md$/);
  const after = await pollUntil(
    async () => snapshotVault(app.served.vaultDir),
    (snap) => snap.size === before.size && !snap.has(join('How LLMs Work', 'Chain Rule.md')),
  );
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [file, bytes] of before) expect({ file, same: after.get(file)!.equals(bytes) }).toEqual({ file, same: true });
});

/** The open note's vault path, from the address. */
function openNotePath(): string {
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#\/note\//, ''));
}

test('the New note button, a name and Enter: typing goes into the note, and a space does not reopen the dialog', async () => {
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New note' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Button Note');
  await page.keyboard.press('Enter');
  // At once, before the editor is there: the button that opened the dialog must not have the
  // focus back, or this space would open the dialog again.
  await page.keyboard.press(' ');
  await page.waitForURL(/Button%20Note\.md$/);
  await focusedEditor().waitFor();
  const path = openNotePath();
  await page.keyboard.type('Typed right away, with spaces.');
  // The early space is in the note or nowhere, depending on whether the editor was already there.
  await waitForDisk(path, (t) => t?.trimStart() === 'Typed right away, with spaces.', 'got the typing');
  expect(await page.getByRole('dialog').count()).toBe(0);
  await page.keyboard.press('Control+e');
  await note().getByRole('button', { name: 'Edit', exact: true }).waitFor();
});

test('creating the target of an unresolved link: Enter in the dialog, then typing goes into the new note', async () => {
  writeFileSync(onDisk('E2E Plans.md'), '# E2E Plans\n\nNext: [[E2E Someday]].');
  await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: 'E2E Plans', exact: true }).click();
  await page.waitForURL(/E2E%20Plans\.md$/);
  await note().locator('a.is-unresolved', { hasText: 'E2E Someday' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create note' });
  await dialog.locator('button:focus', { hasText: 'Create note' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/E2E%20Someday\.md$/);
  await focusedEditor().waitFor();
  await page.keyboard.type('Learn the piano.');
  await waitForDisk('E2E Someday.md', (t) => t === 'Learn the piano.', 'got the typing');
});

test('renaming while editing: Enter before the link list has loaded renames, and typing goes on in the editor', async () => {
  // Still editing E2E Someday.md. Unsaved text, then F2 at once: the editor saves it as it closes.
  await focusedEditor().waitFor();
  await page.keyboard.type(' Then the violin.');
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: 'Rename note' });
  // The name (without folder and .md) is selected: typing replaces it.
  await dialog.getByRole('textbox', { name: 'New path' }).and(page.locator(':focus')).waitFor();
  await page.keyboard.type('E2E Renamed');
  await page.keyboard.press('Enter');
  await page.waitForURL(/E2E%20Renamed\.md$/);
  await focusedEditor().waitFor();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' And the drums.');
  await waitForDisk('E2E Renamed.md', (t) => t === 'Learn the piano. Then the violin. And the drums.', 'got all the typing');
  expect(existsSync(onDisk('E2E Someday.md'))).toBe(false);
  // The link to it was rewritten by the rename.
  expect(readDisk('E2E Plans.md')).toContain('[[E2E Renamed]]');
  await page.keyboard.press('Control+e');
  await note().getByRole('button', { name: 'Edit', exact: true }).waitFor();
});

test('an autosave and its echo read nothing back (the outline still follows); a change on disk is read and shown', async () => {
  const path = 'Own Save.md';
  writeFileSync(onDisk(path), '# Own Save\n\nFirst.');
  await page.getByRole('navigation', { name: 'File explorer' }).getByRole('link', { name: 'Own Save', exact: true }).click();
  await page.waitForURL(/Own%20Save\.md$/);
  await note().getByRole('button', { name: 'Edit', exact: true }).click();
  await waitForEditor((t) => t === '# Own Save\n\nFirst.', 'loaded the note');
  await page.getByRole('tablist', { name: 'Right sidebar views' }).getByRole('tab', { name: 'Outline' }).click();
  const outline = page.getByRole('region', { name: 'Outline' });
  await outline.getByRole('button', { name: 'Own Save', exact: true }).waitFor();
  const reads: string[] = [];
  const onRequest = (request: { url(): string; postData(): string | null }) => {
    if (request.url().endsWith('/api/readNote') && request.postData()?.includes(path)) reads.push(request.url());
  };
  page.on('request', onRequest);
  await editorContent().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.type(' Renamed');
  await waitForDisk(path, (t) => t === '# Own Save Renamed\n\nFirst.', 'got the typing');
  // The watcher's echo brought the new heading in (the note's meta is re-read, not its text).
  await outline.getByRole('button', { name: 'Own Save Renamed', exact: true }).waitFor();
  expect(reads).toEqual([]);
  writeFileSync(onDisk(path), '# Own Save Renamed\n\nChanged on disk.');
  await waitForEditor((t) => t === '# Own Save Renamed\n\nChanged on disk.', 'showed the change on disk');
  page.off('request', onRequest);
  expect(reads.length).toBeGreaterThan(0);
  await page.keyboard.press('Control+e');
  await note().getByRole('button', { name: 'Edit', exact: true }).waitFor();
});

test('no uncaught errors in the page', () => {
  expect(app.pageErrors).toEqual([]);
});
