/**
 * A minimal menu for the reading view's settings (strict line breaks, remote images, the default editing mode), shown in
 * the status bar until the app has a settings screen that can take these switches over.
 */
import { setReadingSetting, useReadingSettings } from '../markdown/reading-settings';
import { INTO_NOTES_FIELDS, type IntoNotesField } from '../settings/into-notes-fields';
import type { IntoNotesSettings } from '../settings/into-notes-fields';

export function ReadingSettingsMenu() {
  const settings = useReadingSettings();
  return (
    <details className="reading-settings">
      <summary>Reading</summary>
      <div className="reading-settings-panel" role="group" aria-label="Reading settings">
        <label>
          <input type="checkbox" checked={settings.strictLineBreaks} onChange={(e) => setReadingSetting('strictLineBreaks', e.target.checked)} />
          Strict line breaks
        </label>
        <label>
          <input type="checkbox" checked={settings.loadRemoteImages} onChange={(e) => setReadingSetting('loadRemoteImages', e.target.checked)} />
          Load remote images
        </label>
        <label>
          Default editing mode{' '}
          <select value={settings.defaultEditingMode} onChange={(e) => setReadingSetting('defaultEditingMode', e.target.value === 'source' ? 'source' : 'live')}>
            <option value="live">Live Preview</option>
            <option value="source">Source mode</option>
          </select>
        </label>
        {INTO_NOTES_FIELDS.filter((field) => field.shownWhen?.(settings) ?? true).map((field) => (
          <IntoNotesInput key={field.key} field={field} settings={settings} />
        ))}
      </div>
    </details>
  );
}

/** The attachment, template and daily-note settings, drawn from their field list until the settings dialog takes them. */
function IntoNotesInput({ field, settings }: { field: IntoNotesField; settings: IntoNotesSettings }) {
  if (field.kind === 'choice') {
    return (
      <label title={field.description}>
        {field.label}{' '}
        <select value={settings[field.key]} onChange={(e) => setReadingSetting(field.key, field.options.find((o) => o.value === e.target.value)?.value ?? field.default)}>
          {field.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
    );
  }
  return (
    <label title={field.description}>
      {field.label}{' '}
      {/* Stored when the field is left (or on Enter): the store tidies folder names, which would fight the typing. */}
      <input type="text" key={settings[field.key]} placeholder={field.placeholder} defaultValue={settings[field.key]}
        onBlur={(e) => setReadingSetting(field.key, e.target.value)} onKeyDown={(e) => e.key === 'Enter' && setReadingSetting(field.key, e.currentTarget.value)} />
    </label>
  );
}
