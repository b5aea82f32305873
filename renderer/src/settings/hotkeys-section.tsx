/**
 * Settings → Hotkeys: every command with its hotkey. "Change" takes the next key combination
 * (Escape cancels); a combination another command has is not taken silently: the other command
 * is named and the user replaces it or cancels. "Reset" brings the default back, "Remove"
 * leaves the command without a hotkey. Stored per user (hotkey-store.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { COMMANDS, DEFAULT_HOTKEYS, formatHotkey, type CommandDef, type CommandId, type Hotkey } from '../commands/command-registry';
import { bindHotkey, hotkeyFromEvent, hotkeyProblem, removeHotkey, resetHotkey, type HotkeyOverrides } from '../commands/hotkey-overrides';
import { saveOverrides, useHotkeyMap, useHotkeyOverrides } from '../commands/hotkey-store';

const nameOf = (id: CommandId) => (COMMANDS as readonly CommandDef[]).find((c) => c.id === id)?.name ?? id;

type Capture = { id: CommandId; conflict: { hotkey: Hotkey; with: CommandId } | null };

export function HotkeysSection() {
  const overrides = useHotkeyOverrides();
  const hotkeys = useHotkeyMap();
  const [capture, setCapture] = useState<Capture | null>(null);
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // The buttons under the focus go when a change starts or ends: the row's "Change" takes it back.
  const [refocus, setRefocus] = useState<CommandId | null>(null);
  const end = (id: CommandId) => {
    setCapture(null);
    setRefocus(id);
  };
  useEffect(() => {
    if (refocus === null) return;
    setRefocus(null);
    list.current?.querySelector<HTMLElement>(`[data-change="${refocus}"]`)?.focus();
  }, [refocus]);

  const save = (next: HotkeyOverrides, said: string | null = null) => {
    setMessage(saveOverrides(next) ? said : 'The hotkey could not be saved: this window’s storage is full or disabled.');
  };

  // While capturing, the next key press is the new hotkey: taken before anything else sees it
  // (the app's own hotkeys, the dialog's Escape), so Ctrl+W here is a hotkey, not "close tab".
  const capturing = capture !== null && capture.conflict === null ? capture.id : null;
  useEffect(() => {
    if (capturing === null) return;
    const onKey = (e: KeyboardEvent) => {
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) return end(capturing);
      const hotkey = hotkeyFromEvent(e);
      if (!hotkey) return; // only modifiers so far
      const problem = hotkeyProblem(hotkey);
      if (problem) return setMessage(`${formatHotkey(hotkey)}: ${problem}`);
      const result = bindHotkey(overrides, capturing, hotkey);
      setMessage(null);
      if (result.ok) {
        end(capturing);
        save(result.overrides);
      } else setCapture({ id: capturing, conflict: { hotkey, with: result.conflict } });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (COMMANDS as readonly CommandDef[]).filter(
      (c) =>
        q === '' ||
        c.name.toLowerCase().includes(q) ||
        (hotkeys[c.id as CommandId] &&
          formatHotkey(hotkeys[c.id as CommandId]!)
            .toLowerCase()
            .includes(q)),
    );
  }, [filter, hotkeys]);

  return (
    <div className="hotkeys-section">
      <input
        type="search"
        className="hotkeys-filter"
        placeholder="Filter commands…"
        aria-label="Filter commands"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
      <ul ref={list} className="hotkey-list" aria-label="Hotkeys">
        {shown.map((c) => {
          const id = c.id as CommandId;
          const hotkey = hotkeys[id];
          const custom = id in overrides;
          const here = capture?.id === id ? capture : null;
          return (
            <li key={id} className="setting-item hotkey-row" aria-label={c.name}>
              <div className="setting-info">
                <span className="setting-name">{c.name}</span>
                {custom && (
                  <span className="setting-description">{DEFAULT_HOTKEYS[id] ? `Default: ${formatHotkey(DEFAULT_HOTKEYS[id]!)}` : 'No default hotkey'}</span>
                )}
              </div>
              <div className="setting-control hotkey-control">
                {here && here.conflict === null ? (
                  <>
                    <span className="hotkey-capture" role="status">
                      Press a key combination… (Esc cancels)
                    </span>
                    <button type="button" onClick={() => end(id)}>
                      Cancel
                    </button>
                  </>
                ) : here && here.conflict ? (
                  // Escape here cancels the change, not the whole dialog.
                  <span className="hotkey-conflict" role="alert" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), end(id))}>
                    <span>
                      <kbd>{formatHotkey(here.conflict.hotkey)}</kbd> is used by “{nameOf(here.conflict.with)}”.
                    </span>
                    <button
                      type="button"
                      className="primary"
                      autoFocus
                      onClick={() => {
                        const result = bindHotkey(overrides, id, here.conflict!.hotkey, true);
                        end(id);
                        if (result.ok) save(result.overrides, `“${nameOf(here.conflict!.with)}” no longer has a hotkey.`);
                      }}
                    >
                      Replace
                    </button>
                    <button type="button" onClick={() => end(id)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <>
                    {hotkey ? <kbd className="hotkey-current">{formatHotkey(hotkey)}</kbd> : <span className="muted small">No hotkey</span>}
                    <button
                      type="button"
                      data-change={id}
                      aria-label={`Change hotkey for ${c.name}`}
                      onClick={() => {
                        setMessage(null);
                        setCapture({ id, conflict: null });
                      }}
                    >
                      Change
                    </button>
                    {hotkey && (
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove hotkey for ${c.name}`}
                        title="Remove hotkey"
                        onClick={() => save(removeHotkey(overrides, id))}
                      >
                        ✕
                      </button>
                    )}
                    {custom && (
                      <button
                        type="button"
                        aria-label={`Reset hotkey for ${c.name}`}
                        title="Restore the default"
                        onClick={() => {
                          const { overrides: next, displaced } = resetHotkey(overrides, id);
                          save(next, displaced ? `“${nameOf(displaced)}” gave up ${formatHotkey(DEFAULT_HOTKEYS[id]!)} and no longer has a hotkey.` : null);
                        }}
                      >
                        Reset
                      </button>
                    )}
                  </>
                )}
              </div>
            </li>
          );
        })}
        {shown.length === 0 && (
          <li className="muted" role="presentation">
            No matching commands.
          </li>
        )}
      </ul>
    </div>
  );
}
