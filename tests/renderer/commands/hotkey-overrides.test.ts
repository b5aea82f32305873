/** Custom hotkeys over the defaults: binding, conflicts, replace, remove, reset, what is stored, and key capture. */
import { DEFAULT_HOTKEYS, hotkeyFor, type CommandId, type Hotkey } from '../../../renderer/src/commands/command-registry';
import {
  bindHotkey,
  conflictFor,
  effectiveHotkeys,
  hotkeyFromEvent,
  hotkeyProblem,
  parseOverrides,
  removeHotkey,
  resetHotkey,
  sameHotkey,
  type HotkeyOverrides,
} from '../../../renderer/src/commands/hotkey-overrides';

const ctrl = (key: string, extra: Partial<Hotkey> = {}): Hotkey => ({ mod: true, keys: [key], ...extra });
const press = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

test('with no overrides the effective hotkeys are the defaults, and Ctrl+, opens settings', () => {
  expect(effectiveHotkeys({})).toEqual(DEFAULT_HOTKEYS);
  expect(hotkeyFor(press({ key: ',', code: 'Comma', ctrlKey: true }), effectiveHotkeys({}))).toBe('openSettings');
});

test('the defaults have no two commands on one key press', () => {
  const map = effectiveHotkeys({});
  for (const id of Object.keys(map) as CommandId[]) if (map[id]) expect([id, conflictFor(map, id, map[id]!)]).toEqual([id, null]);
});

test.each<[string, Hotkey, Hotkey, boolean]>([
  ['same key and modifiers', ctrl('p'), ctrl('p'), true],
  ['different modifiers', ctrl('p'), ctrl('p', { shift: true }), false],
  ['no modifier against Ctrl', { keys: ['p'] }, ctrl('p'), false],
  ['one shared key among several', ctrl('\\', { keys: ['\\', '|'] }), ctrl('|'), true],
  ['a shared code, different keys', ctrl('π', { codes: ['KeyP'] }), ctrl('p', { codes: ['KeyP'] }), true],
  ['different keys', ctrl('p'), ctrl('o'), false],
])('sameHotkey: %s', (_what, a, b, expected) => {
  expect(sameHotkey(a, b)).toBe(expected);
  expect(sameHotkey(b, a)).toBe(expected);
});

describe('bindHotkey', () => {
  test.each<[string, HotkeyOverrides, CommandId, Hotkey, { conflict?: CommandId; overrides?: HotkeyOverrides }]>([
    ['a free key is taken', {}, 'splitRight', ctrl('l'), { overrides: { splitRight: ctrl('l') } }],
    ['a default of another command is a conflict, naming it', {}, 'splitRight', ctrl('p'), { conflict: 'commandPalette' }],
    ['another command’s custom key is a conflict', { splitDown: ctrl('l') }, 'splitRight', ctrl('l'), { conflict: 'splitDown' }],
    ['a key freed by removing it is free', { commandPalette: null }, 'splitRight', ctrl('p'), { overrides: { commandPalette: null, splitRight: ctrl('p') } }],
    ['its own default again is no override', { search: ctrl('l') }, 'search', ctrl('f', { shift: true }), { overrides: {} }],
    ['its own current key is no conflict', { splitRight: ctrl('l') }, 'splitRight', ctrl('l'), { overrides: { splitRight: ctrl('l') } }],
  ])('%s', (_what, overrides, id, hotkey, expected) => {
    const result = bindHotkey(overrides, id, hotkey);
    if (expected.conflict) expect(result).toEqual({ ok: false, conflict: expected.conflict });
    else expect(result).toEqual({ ok: true, overrides: expected.overrides });
  });

  test('replace takes the key and leaves the other command without one', () => {
    const result = bindHotkey({}, 'splitRight', ctrl('p'), true);
    expect(result).toEqual({ ok: true, overrides: { commandPalette: null, splitRight: ctrl('p') } });
    const map = effectiveHotkeys(result.ok ? result.overrides : {});
    expect(hotkeyFor(press({ key: 'p', ctrlKey: true }), map)).toBe('splitRight');
    expect(map.commandPalette).toBeNull();
  });

  test('the old key stops running the command and the new one runs it', () => {
    const result = bindHotkey({}, 'quickSwitcher', ctrl('k'));
    const map = effectiveHotkeys(result.ok ? result.overrides : {});
    expect(hotkeyFor(press({ key: 'k', ctrlKey: true }), map)).toBe('quickSwitcher');
    expect(hotkeyFor(press({ key: 'o', ctrlKey: true }), map)).toBeNull();
    // The defaults, asked without the map, are untouched.
    expect(hotkeyFor(press({ key: 'o', ctrlKey: true }))).toBe('quickSwitcher');
  });
});

test.each<[string, HotkeyOverrides, CommandId, HotkeyOverrides]>([
  ['a default', {}, 'graph', { graph: null }],
  ['a custom one', { splitRight: ctrl('l') }, 'splitRight', {}],
  ['a custom one over a default', { graph: ctrl('l') }, 'graph', { graph: null }],
])('removeHotkey: %s', (_what, overrides, id, expected) => {
  expect(removeHotkey(overrides, id)).toEqual(expected);
  expect(effectiveHotkeys(removeHotkey(overrides, id))[id]).toBeNull();
});

test.each<[string, HotkeyOverrides, CommandId, HotkeyOverrides, CommandId | null]>([
  ['a changed key back to the default', { graph: ctrl('l') }, 'graph', {}, null],
  ['a removed key back', { graph: null }, 'graph', {}, null],
  ['a command with no default loses its custom key', { splitRight: ctrl('l') }, 'splitRight', {}, null],
  ['the default now held by a command without a default: that one gives it up', { graph: null, splitRight: ctrl('g') }, 'graph', {}, 'splitRight'],
  ['the default now held by a command with a default: that one is left with none', { graph: null, search: ctrl('g') }, 'graph', { search: null }, 'search'],
  ['others are untouched', { graph: ctrl('l'), search: null }, 'graph', { search: null }, null],
])('resetHotkey: %s', (_what, overrides, id, expected, displaced) => {
  const result = resetHotkey(overrides, id);
  expect(result).toEqual({ overrides: expected, displaced });
  const map = effectiveHotkeys(result.overrides);
  expect(map[id]).toEqual(DEFAULT_HOTKEYS[id]);
  if (map[id]) expect(conflictFor(map, id, map[id]!)).toBeNull();
});

test.each<[string, string | null, HotkeyOverrides]>([
  ['nothing stored', null, {}],
  ['not JSON', '{', {}],
  ['a list', '[]', {}],
  ['unknown commands dropped', JSON.stringify({ noSuchCommand: ctrl('x'), graph: ctrl('l') }), { graph: ctrl('l') }],
  ['a removal kept', JSON.stringify({ graph: null }), { graph: null }],
  ['malformed hotkeys dropped', JSON.stringify({ graph: { keys: [] }, search: { keys: 'f' }, newNote: { keys: ['n'], mod: 'yes' }, rename: 5 }), {}],
  ['keys lower-cased', JSON.stringify({ graph: { keys: ['L'], mod: true, shift: false } }), { graph: ctrl('l') }],
])('parseOverrides: %s', (_what, text, expected) => {
  expect(parseOverrides(text)).toEqual(expected);
});

test.each<[string, KeyboardEventInit, Hotkey | null]>([
  ['a modifier alone is not yet a hotkey', { key: 'Control', code: 'ControlLeft', ctrlKey: true }, null],
  ['Shift alone', { key: 'Shift', code: 'ShiftLeft', shiftKey: true }, null],
  ['Ctrl+K', { key: 'k', code: 'KeyK', ctrlKey: true }, { keys: ['k'], codes: ['KeyK'], mod: true }],
  ['Cmd+K counts as Mod', { key: 'k', code: 'KeyK', metaKey: true }, { keys: ['k'], codes: ['KeyK'], mod: true }],
  [
    'Ctrl+Shift+1 is named by the key, not "!"',
    { key: '!', code: 'Digit1', ctrlKey: true, shiftKey: true },
    { keys: ['1'], codes: ['Digit1'], mod: true, shift: true },
  ],
  ['Alt+P on macOS types π', { key: 'π', code: 'KeyP', altKey: true }, { keys: ['p'], codes: ['KeyP'], alt: true }],
  ['F5', { key: 'F5', code: 'F5' }, { keys: ['f5'], codes: ['F5'] }],
])('hotkeyFromEvent: %s', (_what, init, expected) => {
  const e = press(init);
  const hotkey = hotkeyFromEvent(e);
  expect(hotkey).toEqual(expected);
  // What is captured matches the press it came from.
  if (hotkey) expect(hotkeyFor(e, { ...effectiveHotkeys({ graph: null }), graph: hotkey })).toBe('graph');
});

test.each<[string, Hotkey, boolean]>([
  ['Ctrl+K', ctrl('k'), true],
  ['Alt+K', { alt: true, keys: ['k'] }, true],
  ['F2', { keys: ['f2'] }, true],
  ['F12', { keys: ['f12'] }, true],
  ['a plain letter', { keys: ['k'] }, false],
  ['Shift and a letter', { shift: true, keys: ['k'] }, false],
  ['an arrow', { keys: ['arrowleft'] }, false],
  ['Space', { keys: [' '] }, false],
  ['"f" is a letter, not a function key', { keys: ['f'] }, false],
])('hotkeyProblem: %s is %s', (_what, hotkey, fine) => {
  expect(hotkeyProblem(hotkey) === null).toBe(fine);
});

test('every default hotkey is one hotkeyProblem accepts', () => {
  for (const h of Object.values(DEFAULT_HOTKEYS)) if (h) expect(hotkeyProblem(h)).toBeNull();
});
