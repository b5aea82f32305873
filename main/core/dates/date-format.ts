/**
 * Dates in Obsidian's moment.js format strings, for templates (`{{date:YYYY-MM-DD}}`) and daily
 * note names: YYYY, YY, MMMM, MMM, MM, M, DD, D, dddd, ddd, HH, H, mm, ss, and [literal text].
 * Any other character is copied as it is. English names, local time. Pure.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Longest first, so MMMM is not read as MM MM.
const TOKEN = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|mm|ss/g;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(date: Date, format: string): string {
  return format.replace(TOKEN, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY':
        return pad(date.getFullYear(), 4);
      case 'YY':
        return pad(date.getFullYear() % 100);
      case 'MMMM':
        return MONTHS[date.getMonth()];
      case 'MMM':
        return MONTHS[date.getMonth()].slice(0, 3);
      case 'MM':
        return pad(date.getMonth() + 1);
      case 'M':
        return String(date.getMonth() + 1);
      case 'DD':
        return pad(date.getDate());
      case 'D':
        return String(date.getDate());
      case 'dddd':
        return DAYS[date.getDay()];
      case 'ddd':
        return DAYS[date.getDay()].slice(0, 3);
      case 'HH':
        return pad(date.getHours());
      case 'H':
        return String(date.getHours());
      case 'mm':
        return pad(date.getMinutes());
      case 'ss':
        return pad(date.getSeconds());
      default:
        throw new Error(`unhandled date token ${token}`);
    }
  });
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The day a name written in `format` stands for (local midnight), or null when it does not
 * match or names no real date (2024-02-30). Only the date parts are read back.
 */
export function parseDate(text: string, format: string): Date | null {
  const parts: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of format.matchAll(TOKEN)) {
    pattern += escapeRegex(format.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      pattern += escapeRegex(match[1]);
      continue;
    }
    const token = match[0];
    parts.push(token);
    const group: Record<string, string> = {
      YYYY: '(\\d{4})',
      YY: '(\\d{2})',
      MMMM: `(${MONTHS.join('|')})`,
      MMM: `(${MONTHS.map((m) => m.slice(0, 3)).join('|')})`,
      MM: '(\\d{2})',
      M: '(\\d{1,2})',
      DD: '(\\d{2})',
      D: '(\\d{1,2})',
      dddd: `(${DAYS.join('|')})`,
      ddd: `(${DAYS.map((d) => d.slice(0, 3)).join('|')})`,
      HH: '(\\d{2})',
      H: '(\\d{1,2})',
      mm: '(\\d{2})',
      ss: '(\\d{2})',
    };
    pattern += group[token];
  }
  pattern += escapeRegex(format.slice(last));
  const found = new RegExp(`^${pattern}$`, 'i').exec(text);
  if (!found) return null;
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  parts.forEach((token, i) => {
    const value = found[i + 1];
    if (token === 'YYYY') year = Number(value);
    else if (token === 'YY') year = 2000 + Number(value);
    else if (token === 'MM' || token === 'M') month = Number(value) - 1;
    else if (token === 'MMMM' || token === 'MMM') month = MONTHS.findIndex((m) => m.toLowerCase().startsWith(value.toLowerCase().slice(0, 3)));
    else if (token === 'DD' || token === 'D') day = Number(value);
  });
  if (year === null || month === null || day === null) return null;
  const date = new Date(year, month, day);
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null;
}

export interface TemplateValues {
  title: string;
  now: Date;
  /** What a bare {{date}} and {{time}} are written as (Obsidian's defaults). */
  dateFormat?: string;
  timeFormat?: string;
}

/** `{{title}}`, `{{date}}`, `{{time}}`, `{{date:FORMAT}}` and `{{time:FORMAT}}` filled in (names case-insensitive). */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{\s*(title|date|time)\s*(?::([^}]*))?\}\}/gi, (_, name: string, format: string | undefined) => {
    const key = name.toLowerCase();
    if (key === 'title') return values.title;
    const fallback = key === 'date' ? (values.dateFormat ?? 'YYYY-MM-DD') : (values.timeFormat ?? 'HH:mm');
    return formatDate(values.now, format !== undefined && format.trim() !== '' ? format.trim() : fallback);
  });
}
