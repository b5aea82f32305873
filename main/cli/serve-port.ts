/**
 * The port `plexus serve` uses when none is given: the same one for the same vault folder every
 * time. The browser keeps the app's tabs, splits, bookmarks and settings per address
 * (origin), so a vault served on a new port each run would open as if for the first time.
 * Another vault usually gets another port; when the vault's port is taken, any free port will do.
 */
import { createHash } from 'node:crypto';

/** Outside Linux's default ephemeral range (32768-60999), where outgoing connections take ports. */
export const VAULT_PORT_FIRST = 20_000;
export const VAULT_PORT_COUNT = 10_000;

export function vaultPort(realRoot: string): number {
  const digest = createHash('sha256').update(realRoot).digest();
  return VAULT_PORT_FIRST + (digest.readUInt32BE(0) % VAULT_PORT_COUNT);
}

export function isPortTaken(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}
