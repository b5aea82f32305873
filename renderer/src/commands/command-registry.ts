/**
 * Every command of the app, once: id, name and default hotkey. The hotkey listener and the
 * command palette both read this list, so a shortcut shown in the palette is the one that works.
 * What a command does is supplied by the app (CommandRuns), since it needs the app's state.
 * Mod = Ctrl, or Cmd on macOS. Defaults follow Obsidian's where it has one.
 */

export interface Hotkey {
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Accepted `KeyboardEvent.key` values, lower-cased. */
  keys: string[];
  /** Accepted `KeyboardEvent.code` values (layout-independent), as well as the keys. */
  codes?: string[];
}

export interface CommandDef {
  id: string;
  name: string;
  hotkey?: Hotkey;
}

const tabNumber = (n: number): CommandDef => ({
  id: `goToTab${n}`,
  name: n === 9 ? 'Go to last tab' : `Go to tab ${n}`,
  hotkey: { mod: true, keys: [String(n)], codes: [`Digit${n}`] },
});

export const COMMANDS = [
  { id: 'commandPalette', name: 'Open command palette', hotkey: { mod: true, keys: ['p'] } },
  { id: 'quickSwitcher', name: 'Open quick switcher', hotkey: { mod: true, keys: ['o'] } },
  { id: 'search', name: 'Search in all files', hotkey: { mod: true, shift: true, keys: ['f'] } },
  { id: 'newNote', name: 'Create new note', hotkey: { mod: true, keys: ['n'] } },
  { id: 'rename', name: 'Rename or move this note', hotkey: { keys: ['f2'] } },
  { id: 'toggleEdit', name: 'Toggle edit mode', hotkey: { mod: true, keys: ['e'] } },
  { id: 'toggleSourceMode', name: 'Toggle Live Preview/Source mode' },
  { id: 'graph', name: 'Open graph view', hotkey: { mod: true, keys: ['g'] } },
  { id: 'localGraph', name: 'Open local graph' },
  { id: 'newTab', name: 'New tab', hotkey: { mod: true, keys: ['t'] } },
  { id: 'closeTab', name: 'Close this tab', hotkey: { mod: true, keys: ['w'] } },
  { id: 'nextTab', name: 'Go to next tab', hotkey: { mod: true, keys: ['tab'] } },
  { id: 'previousTab', name: 'Go to previous tab', hotkey: { mod: true, shift: true, keys: ['tab'] } },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(tabNumber),
  { id: 'splitRight', name: 'Split right' },
  { id: 'splitDown', name: 'Split down' },
  { id: 'back', name: 'Navigate back', hotkey: { alt: true, keys: ['arrowleft'] } },
  { id: 'forward', name: 'Navigate forward', hotkey: { alt: true, keys: ['arrowright'] } },
  // By code as well as key: Shift turns '\' into '|' on US layouts, and other layouts move it.
  { id: 'toggleLeftSidebar', name: 'Toggle left sidebar', hotkey: { mod: true, keys: ['\\'], codes: ['Backslash'] } },
  { id: 'toggleRightSidebar', name: 'Toggle right sidebar', hotkey: { mod: true, shift: true, keys: ['\\', '|'], codes: ['Backslash'] } },
  { id: 'showOutline', name: 'Show outline' },
  { id: 'showTags', name: 'Show all tags' },
  { id: 'bookmarkCurrent', name: 'Bookmark this note or graph (toggle)' },
  { id: 'showBookmarks', name: 'Show bookmarks' },
  { id: 'fileRecovery', name: 'Open file recovery' },
  { id: 'recoverDeletedNotes', name: 'Recover deleted notes' },
  // By code as well: Shift or another layout can move ','.
  { id: 'openSettings', name: 'Open settings', hotkey: { mod: true, keys: [','], codes: ['Comma'] } },
  { id: 'copyBlockLink', name: 'Copy link to block' },
  { id: 'copyHeadingLink', name: 'Copy link to heading' },
  { id: 'insertTemplate', name: 'Insert template' },
  { id: 'openDailyNote', name: "Open today's daily note" },
  { id: 'openPreviousDailyNote', name: 'Open previous daily note' },
  { id: 'openNextDailyNote', name: 'Open next daily note' },
] as const satisfies readonly CommandDef[];

export type CommandId = (typeof COMMANDS)[number]['id'];
export type CommandRuns = Record<CommandId, () => void>;

export function matchesHotkey(e: KeyboardEvent, h: Hotkey): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (mod !== !!h.mod || e.shiftKey !== !!h.shift || e.altKey !== !!h.alt) return false;
  return h.keys.includes(e.key.toLowerCase()) || (!!h.codes && h.codes.includes(e.code));
}

/** The command a key press runs, if any, with these hotkeys (the defaults unless given: see hotkey-overrides.ts). */
export function hotkeyFor(e: KeyboardEvent, hotkeys: Readonly<Record<CommandId, Hotkey | null>> = DEFAULT_HOTKEYS): CommandId | null {
  for (const c of COMMANDS as readonly CommandDef[]) {
    const h = hotkeys[c.id as CommandId];
    if (h && matchesHotkey(e, h)) return c.id as CommandId;
  }
  return null;
}

/** Each command's default hotkey (null: none). */
export const DEFAULT_HOTKEYS: Readonly<Record<CommandId, Hotkey | null>> = Object.fromEntries(
  (COMMANDS as readonly CommandDef[]).map((c) => [c.id, c.hotkey ?? null]),
) as Record<CommandId, Hotkey | null>;

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = {
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
  tab: 'Tab',
  '\\': '\\',
  ' ': 'Space',
  enter: 'Enter',
  backspace: 'Backspace',
  delete: 'Delete',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  insert: 'Insert',
};

/** How a hotkey is written for people: "Ctrl+Shift+F", or "⌘⇧F" on macOS. */
export function formatHotkey(h: Hotkey, mac = isMac()): string {
  const key = KEY_NAMES[h.keys[0]] ?? h.keys[0].toUpperCase(); // F2 and letters read upper-case
  if (mac) return `${h.mod ? '⌘' : ''}${h.alt ? '⌥' : ''}${h.shift ? '⇧' : ''}${key}`;
  return [h.mod && 'Ctrl', h.alt && 'Alt', h.shift && 'Shift', key].filter(Boolean).join('+');
}
