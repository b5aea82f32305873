/**
 * The Settings dialog (Ctrl/Cmd+, and the gear button), laid out as Obsidian's: sections in a
 * list on the left, the chosen section's settings on the right. Sections and settings come from
 * SETTING_FIELDS (settings-fields.ts), so a new setting appears here without a change to this
 * file; Hotkeys is the one section of its own. Every change applies and is stored at once.
 */
import { useState } from 'react';
import { Modal } from '../components/modal';
import { HotkeysSection } from './hotkeys-section';
import { SettingControl } from './setting-control';
import { settingSections } from './settings-fields';
import { useSettings } from './settings-store';

const HOTKEYS = 'Hotkeys';

interface Props {
  /** The vault's folders, offered where a setting names one. */
  folders: readonly string[];
  onClose(): void;
}

export function SettingsDialog({ folders, onClose }: Props) {
  const settings = useSettings();
  const sections = settingSections().filter((s) => s.fields.length > 0);
  const names = [...sections.map((s) => s.name), HOTKEYS];
  const [active, setActive] = useState(names[0]);
  const [error, setError] = useState<string | null>(null);
  const section = sections.find((s) => s.name === active);
  const tabId = (name: string) => `settings-tab-${name.replace(/\W+/g, '-')}`;
  const onTabKey = (e: React.KeyboardEvent) => {
    const at = names.indexOf(active);
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? names.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const name = names[(next + names.length) % names.length];
    setActive(name);
    document.getElementById(tabId(name))?.focus();
  };
  return (
    <Modal label="Settings" onClose={onClose} className="settings-modal">
      <nav className="settings-nav">
        <h2 className="settings-nav-title">Options</h2>
        <div role="tablist" aria-orientation="vertical" aria-label="Settings sections" onKeyDown={onTabKey}>
          {names.map((name) => (
            <button
              key={name}
              id={tabId(name)}
              type="button"
              role="tab"
              autoFocus={name === names[0]}
              aria-selected={name === active}
              tabIndex={name === active ? 0 : -1}
              className={name === active ? 'is-active' : undefined}
              onClick={() => setActive(name)}
            >
              {name}
            </button>
          ))}
        </div>
      </nav>
      <section className="settings-content" role="tabpanel" aria-labelledby={tabId(active)}>
        <div className="settings-header">
          <h2 className="settings-title">{active}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close settings">
            ✕
          </button>
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {active === HOTKEYS ? (
          <HotkeysSection />
        ) : (
          section?.fields
            .filter((f) => !f.shownWhen || f.shownWhen(settings))
            .map((field) => <SettingControl key={field.key} field={field} settings={settings} folders={folders} onError={setError} />)
        )}
      </section>
    </Modal>
  );
}
