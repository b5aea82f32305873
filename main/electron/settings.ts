/**
 * App settings in `<userData>/settings.json`: the last vault, up to ten recent vaults, the last
 * open note per vault and the window bounds. A missing file means defaults; a corrupt one is
 * reported (returned as a warning) and replaced by defaults rather than crashing the app.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../service/write/note-writer-atomic';
import type { WindowBounds } from './window';

export const MAX_RECENT = 10;

export interface AppSettings {
  lastVault: string | null;
  recentVaults: string[];
  /** Absolute vault root -> vault path of the note last shown there. */
  lastNote: Record<string, string>;
  windowBounds: WindowBounds | null;
}

export function defaultSettings(): AppSettings {
  return { lastVault: null, recentVaults: [], lastNote: {}, windowBounds: null };
}

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function sanitizeBounds(value: unknown): WindowBounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const b = value as Record<string, unknown>;
  if (!isNumber(b.width) || !isNumber(b.height) || b.width < 200 || b.height < 150) return null;
  const bounds: WindowBounds = { width: Math.round(b.width), height: Math.round(b.height), maximized: b.maximized === true };
  if (isNumber(b.x) && isNumber(b.y)) {
    bounds.x = Math.round(b.x);
    bounds.y = Math.round(b.y);
  }
  return bounds;
}

/** Keeps only well-typed fields, so hand edits or older versions cannot break startup. */
export function sanitizeSettings(value: unknown): AppSettings {
  const settings = defaultSettings();
  if (typeof value !== 'object' || value === null) return settings;
  const raw = value as Record<string, unknown>;
  if (isString(raw.lastVault)) settings.lastVault = raw.lastVault;
  if (Array.isArray(raw.recentVaults)) settings.recentVaults = [...new Set(raw.recentVaults.filter(isString))].slice(0, MAX_RECENT);
  if (typeof raw.lastNote === 'object' && raw.lastNote !== null) {
    for (const [vault, note] of Object.entries(raw.lastNote)) if (isString(note)) settings.lastNote[vault] = note;
  }
  settings.windowBounds = sanitizeBounds(raw.windowBounds);
  return settings;
}

export async function loadSettings(file: string): Promise<{ settings: AppSettings; warning: string | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings(), warning: null };
    throw error;
  }
  try {
    return { settings: sanitizeSettings(JSON.parse(text)), warning: null };
  } catch (error) {
    return { settings: defaultSettings(), warning: `Settings file ${file} is not valid JSON (${(error as Error).message}); using defaults.` };
  }
}

/** Atomic (temp file + rename), so a crash mid-write never leaves half a settings file. */
export async function saveSettings(file: string, settings: AppSettings): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(settings, null, 2));
}

export function rememberVault(settings: AppSettings, root: string): AppSettings {
  return { ...settings, lastVault: root, recentVaults: [root, ...settings.recentVaults.filter((r) => r !== root)].slice(0, MAX_RECENT) };
}

export function forgetRecent(settings: AppSettings): AppSettings {
  return { ...settings, recentVaults: settings.lastVault ? [settings.lastVault] : [] };
}

export function rememberNote(settings: AppSettings, root: string, note: string | null): AppSettings {
  const lastNote = { ...settings.lastNote };
  if (note === null) delete lastNote[root];
  else lastNote[root] = note;
  return { ...settings, lastNote };
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Drops a saved position that no longer overlaps any display (a monitor was unplugged). */
export function fitBounds(bounds: WindowBounds | null, workAreas: Area[]): WindowBounds | null {
  if (bounds === null || bounds.x === undefined || bounds.y === undefined) return bounds;
  const { x, y } = bounds;
  const visible = workAreas.some((a) => x < a.x + a.width - 50 && x + bounds.width > a.x + 50 && y >= a.y - 10 && y < a.y + a.height - 50);
  if (visible) return bounds;
  return { width: bounds.width, height: bounds.height, maximized: bounds.maximized };
}
