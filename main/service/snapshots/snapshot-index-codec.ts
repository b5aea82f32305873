/**
 * The index log's lines: one JSON object per kept version. Decoding tolerates damage (a torn
 * last line after a crash, an edited or truncated file): bad lines are skipped and counted, so
 * the store reports them and rewrites a clean index, and every good line still counts.
 */
import { toVaultPath } from '../../core/vault-path';
import { SNAPSHOT_REASONS, type SnapshotEntry } from './snapshot-types';

interface Line {
  id: string;
  p: string;
  t: number;
  s: number;
  h: string;
  r: string;
}

export function encodeEntries(entries: readonly SnapshotEntry[]): string {
  let out = '';
  for (const e of entries) out += `${JSON.stringify({ id: e.id, p: e.path, t: e.time, s: e.size, h: e.hash, r: e.reason } satisfies Line)}\n`;
  return out;
}

export function decodeEntries(text: string): { entries: SnapshotEntry[]; damaged: number } {
  const entries: SnapshotEntry[] = [];
  let damaged = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const entry = decodeLine(line);
    if (entry === null) damaged++;
    else entries.push(entry);
  }
  return { entries, damaged };
}

function decodeLine(line: string): SnapshotEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // Not JSON: a torn or damaged line, counted by the caller.
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Line>;
  const reason = SNAPSHOT_REASONS.find((r) => r === v.r);
  if (typeof v.id !== 'string' || typeof v.p !== 'string' || reason === undefined) return null;
  // A line naming no vault path (damaged, or written by hand) is damaged, not a version of some file.
  const path = toVaultPath(v.p);
  if (!path.ok) return null;
  if (!Number.isFinite(v.t) || !Number.isInteger(v.s) || (v.s as number) < 0 || typeof v.h !== 'string' || !/^[0-9a-f]{64}$/.test(v.h)) return null;
  return { id: v.id, path: path.value, time: v.t as number, size: v.s as number, hash: v.h, reason };
}
