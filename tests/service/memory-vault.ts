/**
 * Test helper: a real VaultService, note writer and contract handlers over a vault held in
 * memory (MemoryVaultFs): no disk, no workers, no parse cache; file recovery on an in-memory
 * snapshot store. Used by service tests and by the renderer's tests (in jsdom).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { ApiHandlers } from '../../main/contract/api-contract';
import { createApiHandlers, type ApiHost } from '../../main/service/api-handlers';
import { MemoryVaultFs } from '../../main/service/files/memory-vault-fs';
import type { VaultFs } from '../../main/service/files/vault-fs';
import { MemorySnapshotBackend } from '../../main/service/snapshots/snapshot-backend';
import { openNoteWriter } from '../../main/service/write/note-writer';
import { VaultService, type VaultServiceOptions } from '../../main/service/vault-service';

export interface MemoryVaultOptions {
  /** The vault folder's (absolute, posix) path in memory; its name is the vault's name. */
  root?: string;
  readOnly?: boolean;
  host?: ApiHost['kind'];
  /** Passed to VaultService.open (e.g. watcherOptions); fs, workers and cacheDir are fixed. */
  service?: Omit<VaultServiceOptions, 'fs' | 'workers' | 'cacheDir'>;
  openExternal?: ApiHost['openExternal'];
  openPath?: ApiHost['openPath'];
  /** A memory fs already holding the vault (the files argument is added to it). */
  fs?: MemoryVaultFs;
  /**
   * The storage port the service and the writer use, when not `fs` itself: a wrapper around it
   * (e.g. support/faulty-vault-fs.ts, which fails writes on demand).
   */
  port?: VaultFs;
  /** The snapshot store (default an empty one). */
  snapshots?: MemorySnapshotBackend;
}

export interface MemoryVault {
  root: string;
  fs: MemoryVaultFs;
  service: VaultService;
  handlers: ApiHandlers;
  snapshots: MemorySnapshotBackend;
  /** The absolute path of a vault path. */
  abs(vaultPath: string): string;
  close(): Promise<void>;
}

/** `files`: vault path -> content. */
export async function openMemoryVault(files: Record<string, string | Uint8Array>, options: MemoryVaultOptions = {}): Promise<MemoryVault> {
  const root = options.root ?? '/vault';
  const abs = (vaultPath: string) => path.posix.join(root, vaultPath);
  const memory = options.fs ?? new MemoryVaultFs();
  memory.mkdirSync(root);
  for (const [vaultPath, content] of Object.entries(files)) memory.writeFileSync(abs(vaultPath), content);
  // Layout and graph settings go to the app's data folder on disk: a private one, made only
  // when something is saved and removed on close.
  const dataDir = path.join(os.tmpdir(), `plexus-memory-data-${randomBytes(6).toString('hex')}`);
  const snapshots = options.snapshots ?? new MemorySnapshotBackend();
  const port = options.port ?? memory;
  const service = await VaultService.open(root, {
    ...options.service,
    fs: port,
    workers: 0,
    cacheDir: null,
    snapshots: { dataDir, take: options.readOnly !== true, backend: snapshots },
  });
  try {
    const readOnly = options.readOnly === true;
    const writer = readOnly ? undefined : await openNoteWriter({ root: service.realRoot, service, vaultFs: port });
    const handlers = createApiHandlers(service, {
      kind: options.host ?? 'browser',
      readOnly,
      openExternal: options.openExternal ?? (() => undefined),
      openPath: options.openPath,
      writer,
      dataDir,
    });
    return {
      root,
      fs: memory,
      service,
      handlers,
      snapshots,
      abs,
      async close() {
        await service.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await service.close();
    throw error;
  }
}
