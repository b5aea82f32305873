/**
 * A parser for the parse pool's `parserModule` option: the real one, except that a note holding
 * HANG_MARK never finishes parsing and one holding CRASH_MARK ends its worker thread. Tests use
 * it to force the parse budget and the crash path without depending on any real input being slow
 * (hangWhen makes a note hang only while a given file exists).
 * Before hanging it creates the file named after `signal=` on the mark's line (see hangMark), so
 * a test can wait until the parse is under way.
 */
import * as fs from 'node:fs';
import { parseNote as realParseNote } from '../../main/core/parse/parse-note';
import type { ParsedNote, VaultPath } from '../../main/core/types';

export const HANG_MARK = 'HANG-THE-PARSER';
export const CRASH_MARK = 'CRASH-THE-PARSER';
export const SLOW_PARSER_MODULE = __filename;

/** Text that makes a note hang only while `switchFile` exists: the same bytes parse fast or not. */
export function hangWhen(switchFile: string): string {
  return `HANG-WHEN=${switchFile}`;
}

/** The text that makes a note hang; with `signalFile`, that file is created when the parse starts. */
export function hangMark(signalFile?: string): string {
  return signalFile === undefined ? HANG_MARK : `${HANG_MARK} signal=${signalFile}`;
}

/** Text that makes a note take at least `ms` to parse (busy: a parse holds its thread), for tests that need indexing to take time. */
export function slowBy(ms: number): string {
  return `SLOW-BY-MS=${ms}`;
}

export function parseNote(vaultPath: VaultPath, text: string): ParsedNote {
  const slow = /SLOW-BY-MS=(\d+)/.exec(text);
  if (slow !== null) {
    const until = performance.now() + Number(slow[1]);
    while (performance.now() < until);
  }
  const hangSwitch = /HANG-WHEN=(\S+)/.exec(text);
  if (hangSwitch !== null && fs.existsSync(hangSwitch[1])) for (;;);
  if (text.includes(HANG_MARK)) {
    const signal = new RegExp(`${HANG_MARK} signal=(\\S+)`).exec(text);
    if (signal !== null) fs.writeFileSync(signal[1], vaultPath);
    for (;;);
  }
  // In a worker thread process.exit ends only that thread (the pool sees it exit with code 3).
  if (text.includes(CRASH_MARK)) process.exit(3);
  return realParseNote(vaultPath, text);
}
