/**
 * The File recovery dialog's "Settings": how long versions are kept, how many at least, the
 * store's size cap and the save interval, for this vault. The service validates and applies
 * them (its message names each bad field); a field that is not a number is caught here first,
 * so nothing half-typed is sent. Nothing is saved until Save, and a refused save keeps the text.
 */
import { useEffect, useState } from 'react';
import type { PlexusApi, RecoverySettings } from '../../../../main/contract/api-contract';
import { errorMessage, type RecoveryStatus } from './recovery-status';

const FIELDS: { key: keyof RecoverySettings; label: string; hint: string }[] = [
  { key: 'keepDays', label: 'Keep versions for (days)', hint: 'younger versions are always kept' },
  { key: 'keepLast', label: 'Always keep the newest (versions per note)', hint: 'however old they are' },
  { key: 'maxSizeMb', label: 'Size cap (MB)', hint: 'above it the oldest versions go first' },
  { key: 'intervalMinutes', label: 'Save interval (minutes)', hint: 'at most one version per note per interval while saving; 0: every save' },
];

type Draft = Record<keyof RecoverySettings, string>;

const toDraft = (s: RecoverySettings): Draft => ({
  keepDays: String(s.keepDays),
  keepLast: String(s.keepLast),
  maxSizeMb: String(s.maxSizeMb),
  intervalMinutes: String(s.intervalMinutes),
});

export function RecoverySettingsForm({ api, readOnly }: { api: PlexusApi; readOnly: boolean }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.getRecoverySettings().then(
      (got) => {
        if (!live) return;
        if (!got.ok) return setStatus({ kind: 'error', text: `Could not read the settings: ${got.error.message}` });
        setDraft(toDraft(got.value.settings));
        if (got.value.problem !== null)
          setStatus({ kind: 'error', text: `${got.value.problem[0].toUpperCase()}${got.value.problem.slice(1)}; the defaults below apply until saved.` });
      },
      (error: unknown) => live && setStatus({ kind: 'error', text: `Could not read the settings: ${errorMessage(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save = async () => {
    if (draft === null) return;
    const notNumbers = FIELDS.filter((f) => draft[f.key].trim() === '' || !Number.isFinite(Number(draft[f.key])));
    if (notNumbers.length > 0) {
      setStatus({ kind: 'error', text: `${notNumbers.map((f) => f.label).join('; ')}: must be a number.` });
      return;
    }
    const settings = Object.fromEntries(FIELDS.map((f) => [f.key, Number(draft[f.key])])) as unknown as RecoverySettings;
    setBusy(true);
    try {
      const saved = await api.saveRecoverySettings(settings);
      if (saved.ok) {
        setDraft(toDraft(saved.value));
        setStatus({ kind: 'ok', text: 'Settings saved; they apply from now on.' });
      } else setStatus({ kind: 'error', text: `Not saved: ${saved.error.message}` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="recovery-settings">
      <summary>Settings</summary>
      {draft === null && status === null && (
        <p className="muted small" aria-busy="true">
          Loading…
        </p>
      )}
      {draft !== null && (
        <form
          aria-label="File recovery settings"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void save();
          }}
        >
          {FIELDS.map((f) => (
            <label key={f.key}>
              <span>{f.label}</span>
              <input
                type="text"
                inputMode="decimal"
                value={draft[f.key]}
                disabled={readOnly}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
              <span className="muted small">{f.hint}</span>
            </label>
          ))}
          {readOnly ? (
            <p className="muted small">This vault is open read-only: no versions are taken, and the settings cannot be changed.</p>
          ) : (
            <button type="submit" aria-busy={busy}>
              Save settings
            </button>
          )}
        </form>
      )}
      {status && (
        <p className={status.kind === 'error' ? 'error-text' : 'muted small'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </details>
  );
}
