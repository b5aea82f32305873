/** A temp copy of the repository's sample vault, for the snapshot bench. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function copySampleVault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-snapbench-sample-'));
  cpSync(join(__dirname, '..', 'vault'), dir, { recursive: true });
  return dir;
}
