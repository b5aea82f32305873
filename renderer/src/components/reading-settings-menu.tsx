/**
 * A minimal menu for the reading view's settings (strict line breaks, remote images, the default editing mode), shown in
 * the status bar until the app has a settings screen that can take these switches over.
 */
import { setReadingSetting, useReadingSettings } from '../markdown/reading-settings';

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
      </div>
    </details>
  );
}
