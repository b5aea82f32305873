/** The storage port's real adapter: node:fs for reads and the scan, the writer's fs calls, chokidar for the watch. */
import * as fs from 'node:fs';
import { nodeWriterFs } from '../write/note-writer-fs';
import { VaultWatcher } from '../watch/vault-watcher';
import type { VaultFs } from './vault-fs';

export const nodeVaultFs: VaultFs = {
  ...nodeWriterFs,
  onDisk: true,
  openSync: (abs, flags) => fs.openSync(abs, flags),
  fstatSync: (fd) => fs.fstatSync(fd),
  readSync: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  closeSync: (fd) => fs.closeSync(fd),
  readdirSync: (abs) => fs.readdirSync(abs, { withFileTypes: true }),
  statSync: (abs) => fs.statSync(abs),
  lstatSync: (abs) => fs.lstatSync(abs),
  realpathSync: (abs) => fs.realpathSync(abs),
  stat: (abs) => fs.promises.stat(abs),
  lstat: (abs) => fs.promises.lstat(abs),
  realpath: (abs) => fs.promises.realpath(abs),
  readdir: (abs) => fs.promises.readdir(abs, { withFileTypes: true }),
  watch: (realRoot, handlers, options) => new VaultWatcher(realRoot, handlers, options),
};
