/**
 * Custom hotkeys over the registry's defaults, as pure functions. An override maps a command to
 * its own hotkey, or to null when its hotkey was removed; a command without one keeps its default.
 * effectiveHotkeys is the one answer to "which key runs what": the hotkey listener and the
 * command palette both read it, so what the palette shows is what works.
 */
import { COMMANDS, DEFAULT_HOTKEYS, type CommandDef, type CommandId, type Hotkey } from './command-registry';

export type HotkeyOverrides = Partial<Record<CommandId, Hotkey | null>>;
export type HotkeyMap = Readonly<Record<CommandId, Hotkey | null>>;

const COMMAND_IDS = new Set<string>((COMMANDS as readonly CommandDef[]).map((c) => c.id));

export function effectiveHotkeys(overrides: HotkeyOverrides): HotkeyMap {
  const map = { ...DEFAULT_HOTKEYS };
  for (const id of Object.keys(overrides) as CommandId[]) if (COMMAND_IDS.has(id)) map[id] = overrides[id] ?? null;
  return map;
}

/** Two hotkeys clash when one key press would match both: same modifiers and a shared key or code. */
export function sameHotkey(a: Hotkey, b: Hotkey): boolean {
  if (!!a.mod !== !!b.mod || !!a.shift !== !!b.shift || !!a.alt !== !!b.alt) return false;
  return a.keys.some((k) => b.keys.includes(k)) || (a.codes ?? []).some((c) => (b.codes ?? []).includes(c));
}

/** The command other than `id` that `hotkey` already runs, if any. */
export function conflictFor(map: HotkeyMap, id: CommandId, hotkey: Hotkey): CommandId | null {
  for (const other of Object.keys(map) as CommandId[]) {
    const h = map[other];
    if (other !== id && h && sameHotkey(h, hotkey)) return other;
  }
  return null;
}

const sameAsDefault = (id: CommandId, hotkey: Hotkey | null) => {
  const d = DEFAULT_HOTKEYS[id];
  // Pressing the default's own key again (perhaps with its code too) is choosing the default.
  return d === null || hotkey === null ? d === hotkey : sameHotkey(d, hotkey);
};

function withEntry(overrides: HotkeyOverrides, id: CommandId, hotkey: Hotkey | null): HotkeyOverrides {
  const next = { ...overrides };
  // A choice equal to the default is no override: a later change of the default then applies.
  if (sameAsDefault(id, hotkey)) delete next[id];
  else next[id] = hotkey;
  return next;
}

export type BindResult = { ok: true; overrides: HotkeyOverrides } | { ok: false; conflict: CommandId };

/**
 * Gives `id` the hotkey. When another command has it, nothing changes and the other is named,
 * unless `replace` is set: then the other command loses its hotkey (and keeps none).
 */
export function bindHotkey(overrides: HotkeyOverrides, id: CommandId, hotkey: Hotkey, replace = false): BindResult {
  const conflict = conflictFor(effectiveHotkeys(overrides), id, hotkey);
  if (conflict && !replace) return { ok: false, conflict };
  const cleared = conflict ? withEntry(overrides, conflict, null) : overrides;
  return { ok: true, overrides: withEntry(cleared, id, hotkey) };
}

export function removeHotkey(overrides: HotkeyOverrides, id: CommandId): HotkeyOverrides {
  return withEntry(overrides, id, null);
}

/**
 * Back to the default. When the default is now another command's key, that one gives it up
 * (the command being reset is the one the user asked about); the result names it so the UI can say so.
 */
export function resetHotkey(overrides: HotkeyOverrides, id: CommandId): { overrides: HotkeyOverrides; displaced: CommandId | null } {
  const next = { ...overrides };
  delete next[id];
  const d = DEFAULT_HOTKEYS[id];
  const displaced = d ? conflictFor(effectiveHotkeys(next), id, d) : null;
  return { overrides: displaced ? withEntry(next, displaced, null) : next, displaced };
}

function isHotkey(x: unknown): x is Hotkey {
  if (typeof x !== 'object' || x === null) return false;
  const h = x as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s !== '');
  return (
    strings(h.keys) && (h.codes === undefined || strings(h.codes)) && ['mod', 'shift', 'alt'].every((m) => h[m] === undefined || typeof h[m] === 'boolean')
  );
}

/** Stored overrides made safe: unknown commands and malformed hotkeys dropped. Never throws. */
export function parseOverrides(text: string | null): HotkeyOverrides {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: HotkeyOverrides = {};
  for (const [id, h] of Object.entries(value as Record<string, unknown>)) {
    if (!COMMAND_IDS.has(id)) continue;
    if (h === null) out[id as CommandId] = null;
    else if (isHotkey(h))
      out[id as CommandId] = {
        keys: h.keys.map((k) => k.toLowerCase()),
        ...(h.codes && { codes: h.codes }),
        ...(h.mod && { mod: true }),
        ...(h.shift && { shift: true }),
        ...(h.alt && { alt: true }),
      };
  }
  return out;
}

/**
 * Why a captured combination cannot be a hotkey, or null. Without Ctrl/Cmd or Alt only the
 * function keys qualify: any other key (a letter, Space, Enter, an arrow, Shift+a letter) is
 * needed for typing and moving in the editor, and the listener would take it from there.
 */
export function hotkeyProblem(hotkey: Hotkey): string | null {
  if (hotkey.mod || hotkey.alt) return null;
  return /^f([1-9]|1\d|2[0-4])$/.test(hotkey.keys[0]) ? null : 'Add Ctrl, Cmd or Alt: this key is needed for typing.';
}

const MODIFIER_KEYS = new Set(['control', 'shift', 'alt', 'meta', 'os', 'altgraph', 'capslock', 'fn', 'dead', 'unidentified', 'process']);

/**
 * The hotkey a key press makes, for "Change": null while only modifiers are held. The key is
 * kept as typed (so it reads as on the keyboard) and by code, which still matches when Shift or
 * Alt changes the typed character (Alt+P types π on macOS).
 */
export function hotkeyFromEvent(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): Hotkey | null {
  const typed = e.key.toLowerCase();
  if (MODIFIER_KEYS.has(typed)) return null;
  const byCode = /^Key([A-Z])$/.exec(e.code)?.[1] ?? /^Digit(\d)$/.exec(e.code)?.[1];
  const printable = typed.length === 1 && typed > ' ' && typed <= '~';
  // Shift or Alt can change the typed character (Shift+1 is '!'): then the key's own name reads better.
  const key = byCode && (e.shiftKey || e.altKey || !printable) ? byCode.toLowerCase() : typed;
  return {
    keys: [key],
    ...(e.code && { codes: [e.code] }),
    ...((e.ctrlKey || e.metaKey) && { mod: true }),
    ...(e.shiftKey && { shift: true }),
    ...(e.altKey && { alt: true }),
  };
}
