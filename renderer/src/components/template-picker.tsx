/** "Insert template": a quick-switcher-like list of the notes in the template folder; Enter inserts the chosen one. */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { rank } from '../lib/fuzzy';
import { Modal } from './modal';
import type { VaultPath } from '../../../main/core/types';

export interface TemplateChoice {
  path: VaultPath;
  /** The name shown: the path inside the template folder, without `.md`. */
  name: string;
}

interface Props {
  templates: readonly TemplateChoice[];
  folder: string;
  onChoose(template: TemplateChoice): void;
  onClose(): void;
}

export function TemplatePicker({ templates, folder, onChoose, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const rows = useMemo(() => (query.trim() === '' ? [...templates] : rank([...templates], query, (t) => [t.name], 50).map((r) => r.item)), [templates, query]);
  useEffect(() => setActive(0), [query]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(rows.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && rows[active]) onChoose(rows[active]);
    else return;
    e.preventDefault();
  };
  return (
    <Modal label="Insert template" onClose={onClose} className="switcher palette">
      <input
        autoFocus
        className="modal-input"
        placeholder="Find a template…"
        aria-label="Find a template"
        role="combobox"
        aria-expanded="true"
        aria-controls="template-list"
        aria-activedescendant={rows[active] ? `template-${active}` : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id="template-list" role="listbox" className="result-list" aria-label="Templates">
        {rows.map((t, i) => (
          <li
            key={t.path}
            id={`template-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => onChoose(t)}
          >
            <span className="result-main">{t.name}</span>
          </li>
        ))}
        {rows.length === 0 && (
          <li className="muted" role="presentation">
            {templates.length === 0 ? `No notes in the template folder “${folder}”.` : 'No matching templates.'}
          </li>
        )}
      </ul>
    </Modal>
  );
}
