/**
 * Daily notes, as Obsidian's core plugin names them: `<folder>/<date in the format>.md`, and the
 * nearest existing daily note before or after a day (for "Open previous/next daily note"). Pure.
 */
import { formatDate, parseDate } from '../../../main/core/dates/date-format';
import { join } from '../../../main/core/paths';

export interface DailyNoteSettings {
  format: string;
  folder: string;
}

export function dailyNotePath(day: Date, settings: DailyNoteSettings): string {
  return join(settings.folder, `${formatDate(day, settings.format)}.md`);
}

/** The day a note path is the daily note of, or null when it is not one (outside the folder, or not a date in the format). */
export function dailyNoteDay(path: string, settings: DailyNoteSettings): Date | null {
  if (!/\.md$/i.test(path)) return null;
  const prefix = settings.folder === '' ? '' : `${settings.folder}/`;
  if (!path.startsWith(prefix)) return null;
  return parseDate(path.slice(prefix.length, -3), settings.format);
}

/** The existing daily note nearest to `day` strictly before it (-1) or after it (+1), or null. */
export function adjacentDailyNote<P extends string>(paths: Iterable<P>, day: Date, direction: -1 | 1, settings: DailyNoteSettings): P | null {
  const ref = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  let best: { path: P; time: number } | null = null;
  for (const path of paths) {
    const date = dailyNoteDay(path, settings);
    if (date === null) continue;
    const time = date.getTime();
    if (direction === -1 ? time >= ref : time <= ref) continue;
    if (best === null || (direction === -1 ? time > best.time : time < best.time) || (time === best.time && path < best.path)) best = { path, time };
  }
  return best?.path ?? null;
}

/** The template setting as a note path ('' : none): `.md` added when left off. */
export function templateNotePath(setting: string): string | null {
  const trimmed = setting.trim();
  if (trimmed === '') return null;
  return /\.md$/i.test(trimmed) ? trimmed : `${trimmed}.md`;
}
