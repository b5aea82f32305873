/**
 * Child process for the crash test: opens the real note writer on a vault (which sweeps stale
 * temp files) and saves `Note.md` as versions start, start+1, ... forever, printing `SAVED k`
 * after each save returns. The parent SIGKILLs it at a random moment.
 */
import { openNoteWriter } from '../../main/service/write/note-writer';
import { versionText } from './save-versions';
import { vp } from '../support/vault-path';

async function main(): Promise<void> {
  const [root, startArg] = process.argv.slice(2);
  const writer = await openNoteWriter({
    root,
    service: { graph: { notePaths: () => [], attachmentPaths: () => [], getNote: () => null }, expectOwnWrite: () => undefined },
    rewrite: { parse: () => ({ links: [] }), resolverFor: () => ({ resolve: () => null }) },
  });
  process.stdout.write('READY\n');
  for (let k = Number(startArg); ; k++) {
    const result = await writer.writeNote(vp('Note.md'), versionText(k), null);
    if (!result.ok) throw new Error(result.error.message);
    process.stdout.write(`SAVED ${k}\n`);
  }
}

void main();
