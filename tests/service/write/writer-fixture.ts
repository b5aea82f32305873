/** A temp vault plus a writer over it, with a minimal graph view (files only) for tests. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { VaultPath } from '../../../main/core/types';
import type { RewriteDeps, RewriteGraph } from '../../../main/core/rewrite/plan-rename-edits';
import { openNoteWriter, type NoteWriter, type NoteWriterOptions } from '../../../main/service/write/note-writer';
import type { WriterService } from '../../../main/service/write/note-writer-context';

export interface TempVault {
  root: string;
  write(rel: string, data: string | Uint8Array): void;
  read(rel: string): string;
  bytes(rel: string): Buffer;
  exists(rel: string): boolean;
  /** Every file under the root (dot-files included), vault-relative, sorted. */
  allFiles(): string[];
  cleanup(): void;
}

export function makeTempVault(files: Record<string, string | Uint8Array> = {}): TempVault {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plexus-writer-')));
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  const vault: TempVault = {
    root,
    write(rel, data) {
      fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
      fs.writeFileSync(abs(rel), data);
    },
    read: (rel) => fs.readFileSync(abs(rel), 'utf8'),
    bytes: (rel) => fs.readFileSync(abs(rel)),
    exists: (rel) => fs.existsSync(abs(rel)),
    allFiles() {
      const out: string[] = [];
      const walk = (dir: string, prefix: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const rel = prefix ? `${prefix}/${e.name}` : e.name;
          if (e.isDirectory()) walk(path.join(dir, e.name), rel);
          else out.push(rel);
        }
      };
      walk(root, '');
      return out.sort();
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
  for (const [rel, data] of Object.entries(files)) vault.write(rel, data);
  return vault;
}

/** A service double: records expectOwnWrite calls; its graph lists the notes given. */
export class FakeService implements WriterService {
  readonly expected: { path: VaultPath; hash: string | null }[] = [];
  constructor(public graph: RewriteGraph) {}
  expectOwnWrite(path: VaultPath, hash: string | null): void {
    this.expected.push({ path, hash });
  }
}

export function emptyGraph(): RewriteGraph {
  return { notePaths: () => [], attachmentPaths: () => [], getNote: () => null };
}

export const noRewrite: RewriteDeps = {
  parse: () => ({ links: [] }),
  resolverFor: () => ({ resolve: () => null }),
};

export async function openWriter(vault: TempVault, extra: Partial<NoteWriterOptions> = {}): Promise<{ writer: NoteWriter; service: FakeService }> {
  const service = new FakeService(emptyGraph());
  const writer = await openNoteWriter({ root: vault.root, service, rewrite: noRewrite, ...extra });
  return { writer, service };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
