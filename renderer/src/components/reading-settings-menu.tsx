/**
 * A minimal menu for the reading view's settings, shown in the status bar until the app has a
 * settings screen; both list READING_SETTING_FIELDS from the settings store.
 */
import { READING_SETTING_FIELDS, setReadingSetting, useReadingSettings } from '../settings/settings-store';

export function ReadingSettingsMenu() {
  const settings = useReadingSettings();
  return (
    <details className="reading-settings">
      <summary>Reading</summary>
      <div className="reading-settings-panel" role="group" aria-label="Reading settings">
        {READING_SETTING_FIELDS.map((field) =>
          field.kind === 'toggle' ? (
            <label key={field.key} title={field.description}>
              <input type="checkbox" checked={settings[field.key]} onChange={(e) => setReadingSetting(field.key, e.target.checked)} />
              {field.label}
            </label>
          ) : (
            <label key={field.key} title={field.description}>
              {field.label}{' '}
              <select value={settings[field.key]} onChange={(e) => setReadingSetting(field.key, e.target.value as never)}>
                {field.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </label>
          ),
        )}
      </div>
    </details>
  );
}
