/**
 * The store's version log on disk (`<dir>/index.jsonl`, see snapshot-index-codec.ts): appended
 * line by line, rewritten whole through the atomic writer by pruning and repair. Temp files a
 * crash left behind in the store's folders are swept on open.
 *
 * Each session also keeps its own copy of what it logged (`<dir>/journal/<session>.jsonl`): when
 * index.jsonl is missing, torn or unparsable the store rebuilds it from these and from the packs'
 * version records (snapshot-store.ts); a journal is the cheaper copy to read, the packs the one
 * that survives losing both files. A session writes only its own journal, so two processes never
 * interleave lines in one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from '../file-reports';
import { isTempName, writeAtomic } from '../write/note-writer-atomic';
import { nodeWriterFs } from '../write/note-writer-fs';

const logFile = (dir: string) => path.join(dir, 'index.jsonl');

export async function readVersionLog(dir: string): Promise<string> {
  try {
    return await fs.promises.readFile(logFile(dir), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw error;
  }
}

export async function appendVersionLog(dir: string, text: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true });
  await fs.promises.appendFile(logFile(dir), text);
}

export async function rewriteVersionLog(dir: string, text: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true });
  await writeAtomic(nodeWriterFs, logFile(dir), Buffer.from(text, 'utf8'));
}

const journalDir = (dir: string) => path.join(dir, 'journal');
const journalFile = (dir: string, session: string) => path.join(journalDir(dir), `${session}.jsonl`);

export async function appendJournal(dir: string, session: string, text: string): Promise<void> {
  await fs.promises.mkdir(journalDir(dir), { recursive: true });
  await fs.promises.appendFile(journalFile(dir, session), text);
}

/**
 * After a prune rewrote the index: this session's journal becomes the whole kept index, and the
 * journals of other sessions that have been quiet for `quietMs` go (what they held is in it).
 * Another session still writing keeps its journal.
 */
export async function rewriteJournal(dir: string, session: string, text: string, quietMs: number, now: number): Promise<void> {
  await fs.promises.mkdir(journalDir(dir), { recursive: true });
  await writeAtomic(nodeWriterFs, journalFile(dir, session), Buffer.from(text, 'utf8'));
  for (const name of await fs.promises.readdir(journalDir(dir))) {
    if (!name.endsWith('.jsonl') || name === `${session}.jsonl`) continue;
    const file = path.join(journalDir(dir), name);
    try {
      if (now - (await fs.promises.stat(file)).mtimeMs >= quietMs) await fs.promises.rm(file, { force: true });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

/** Every session's journal, one after another ('' when there are none). */
export async function readJournals(dir: string): Promise<string> {
  let names: string[];
  try {
    names = await fs.promises.readdir(journalDir(dir));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw error;
  }
  let out = '';
  for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) {
    const text = await fs.promises.readFile(path.join(journalDir(dir), name), 'utf8');
    // A torn last line must not run into the next journal's first.
    out += text.endsWith('\n') || text === '' ? text : `${text}\n`;
  }
  return out;
}

/** Removes the temp files of writes a crash interrupted (the atomic writer's names). */
export async function sweepTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  for (const name of names) if (isTempName(name)) await fs.promises.rm(path.join(dir, name), { force: true });
}
