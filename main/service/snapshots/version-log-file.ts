/**
 * The store's version log on disk (`<dir>/index.jsonl`, see snapshot-index-codec.ts): appended
 * line by line, rewritten whole through the atomic writer by pruning and repair. Temp files a
 * crash left behind in the store's folders are swept on open.
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
