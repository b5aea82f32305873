/**
 * SIGKILL a process at random moments while it saves a note through the real note writer, over
 * at least 200 saves: after every kill the note is byte-equal to the last saved version or the
 * one being saved (never partial), and stale temp files are swept when the writer next opens.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openNoteWriter } from '../../main/service/write/note-writer';
import { versionOf, versionText } from './save-versions';

jest.setTimeout(90_000);

const CHILD = path.join(__dirname, 'save-loop-child.ts');
const TARGET_SAVES = 200;
/** Kills to land at least, however fast the saves go. */
const MIN_KILLS = 20;

/** Runs the child from version `start`, kills it `delayMs` after it is ready; returns the last version it reported saved. */
function runAndKill(root: string, start: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let lastSaved = start - 1;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY') && !child.killed) {
        out = out.replace('READY\n', '');
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
      for (const m of out.matchAll(/SAVED (\d+)\n/g)) lastSaved = Math.max(lastSaved, Number(m[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastSaved) : reject(new Error(`child exited on its own: ${err}`))));
  });
}

test('a save killed at any point leaves the old or the new note, never a torn one', async () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plexus-crash-')));
  const file = path.join(root, 'Note.md');
  fs.writeFileSync(file, versionText(0));
  let onDisk = 0;
  let kills = 0;
  let sawTemp = 0;
  try {
    // Versions are numbered, so the on-disk version counts the completed saves.
    // Enough saves and enough kills: a fast machine reaches the saves in a couple of runs.
    while ((onDisk < TARGET_SAVES || kills < MIN_KILLS) && kills < 400) {
      // The run starts at onDisk + 1; before its first report, "last saved" is what is on disk.
      const lastSaved = await runAndKill(root, onDisk + 1, Math.floor(Math.random() * 250));
      kills++;
      const found = versionOf(fs.readFileSync(file, 'utf8'));
      // Saved and reported, or renamed into place just before the report was printed.
      expect([lastSaved, lastSaved + 1]).toContain(found);
      if (fs.readdirSync(root).some((n) => n.endsWith('.plexus-tmp'))) sawTemp++;
      onDisk = found ?? onDisk;
    }
    expect(onDisk).toBeGreaterThanOrEqual(TARGET_SAVES);
    await openNoteWriter({
      root,
      service: { graph: { notePaths: () => [], attachmentPaths: () => [], getNote: () => null }, expectOwnWrite: () => undefined },
    });
    expect(fs.readdirSync(root)).toEqual(['Note.md']);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    // Not asserted (timing-dependent), but reported so a run that never hit the window is visible.
    if (sawTemp === 0) console.warn('crash test: no kill landed between temp write and rename this run');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
