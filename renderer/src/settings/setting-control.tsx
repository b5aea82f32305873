/** One setting as a row of the settings dialog: name and description, then the control its kind calls for. */
import { useEffect, useId, useState } from 'react';
import { normalizeFolder, type AnyField, type Settings } from './settings-fields';
import { setSetting } from './settings-store';

interface Props {
  field: AnyField;
  settings: Settings;
  /** The vault's folders, offered while typing a folder. */
  folders: readonly string[];
  onError(message: string): void;
}

export function SettingControl({ field, settings, folders, onError }: Props) {
  const id = useId();
  // The field's kind says what its value is (settings-fields.ts checks stored ones against it).
  const value: unknown = settings[field.key];
  const set = (next: unknown) => {
    if (!setSetting(field.key, next as never)) onError('The setting could not be saved: this window’s storage is full or disabled.');
  };
  return (
    <div className="setting-item">
      <div className="setting-info">
        <label className="setting-name" htmlFor={id}>
          {field.label}
        </label>
        <div className="setting-description" id={`${id}-d`}>
          {field.description}
        </div>
      </div>
      <div className="setting-control">
        {field.kind === 'toggle' && (
          <input id={id} type="checkbox" role="switch" aria-describedby={`${id}-d`} checked={value as boolean} onChange={(e) => set(e.target.checked)} />
        )}
        {field.kind === 'choice' && (
          <select
            id={id}
            aria-describedby={`${id}-d`}
            value={String(value)}
            onChange={(e) => set(field.options.find((o) => String(o.value) === e.target.value)!.value)}
          >
            {field.options.map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        )}
        {field.kind === 'number' && (
          <span className="setting-range">
            <input
              id={id}
              type="range"
              aria-describedby={`${id}-d`}
              min={field.min}
              max={field.max}
              step={1}
              value={value as number}
              onChange={(e) => set(Number(e.target.value))}
            />
            <output htmlFor={id}>
              {value as number} {field.unit}
            </output>
          </span>
        )}
        {field.kind === 'text' && <FolderInput id={id} value={value as string} placeholder={field.placeholder} folders={folders} onCommit={set} />}
        {field.kind === 'format' && <FormatInput id={id} value={value as string} placeholder={field.placeholder} onCommit={set} />}
        {field.kind === 'folder-list' && <FolderList id={id} label={field.label} value={value as string[]} folders={folders} onChange={set} />}
      </div>
    </div>
  );
}

/** Free text (a date format), stored on Enter or leaving the field. */
function FormatInput({ id, value, placeholder, onCommit }: { id: string; value: string; placeholder: string; onCommit(v: string): void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => (draft.trim() !== '' && draft.trim() !== value ? onCommit(draft.trim()) : setDraft(value));
  return (
    <input
      id={id}
      type="text"
      placeholder={placeholder}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** Typed freely, stored (as a vault folder) on Enter or leaving the field: storing each keystroke would eat a typed '/'. */
function FolderInput({
  id,
  value,
  placeholder,
  folders,
  onCommit,
}: {
  id: string;
  value: string;
  placeholder: string;
  folders: readonly string[];
  onCommit(v: string): void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (normalizeFolder(draft) !== value) onCommit(draft);
    else setDraft(value);
  };
  return (
    <>
      <input
        id={id}
        type="text"
        list={`${id}-folders`}
        placeholder={placeholder}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <FolderOptions id={`${id}-folders`} folders={folders} />
    </>
  );
}

function FolderList({
  id,
  label,
  value,
  folders,
  onChange,
}: {
  id: string;
  label: string;
  value: readonly string[];
  folders: readonly string[];
  onChange(v: string[]): void;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const folder = normalizeFolder(draft);
    if (folder === '') return;
    if (!value.includes(folder)) onChange([...value, folder]);
    setDraft('');
  };
  return (
    <div className="folder-list">
      {value.length > 0 && (
        <ul aria-label={label}>
          {value.map((folder) => (
            <li key={folder}>
              <code>{folder}/</code>
              <button
                type="button"
                className="icon-button"
                aria-label={`Stop excluding ${folder}`}
                title="Remove"
                onClick={() => onChange(value.filter((f) => f !== folder))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <span className="folder-list-add">
        <input
          id={id}
          type="text"
          list={`${id}-folders`}
          placeholder="Folder path"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())}
        />
        <button type="button" onClick={add} disabled={normalizeFolder(draft) === ''}>
          Add
        </button>
      </span>
      <FolderOptions id={`${id}-folders`} folders={folders} />
    </div>
  );
}

function FolderOptions({ id, folders }: { id: string; folders: readonly string[] }) {
  return (
    <datalist id={id}>
      {folders.map((f) => (
        <option key={f} value={f} />
      ))}
    </datalist>
  );
}
