/** Child process for the SIGKILL test: starts a write and parks at the hook until killed. */
import { openNoteWriter } from '../../../main/service/write/note-writer';
import { vp } from '../../support/vault-path';

async function main(): Promise<void> {
  const root = process.argv[2];
  const writer = await openNoteWriter({
    root,
    service: { graph: { notePaths: () => [], attachmentPaths: () => [], getNote: () => null }, expectOwnWrite: () => undefined },
    rewrite: { parse: () => ({ links: [] }), resolverFor: () => ({ resolve: () => null }) },
    hooks: {
      beforeRename: () =>
        new Promise<void>(() => {
          process.stdout.write('AT-HOOK\n');
        }),
    },
  });
  await writer.writeNote(vp('Sub/A.md'), 'new content\n', null);
  throw new Error('the hook never returns; reaching this line means it did');
}

void main();
