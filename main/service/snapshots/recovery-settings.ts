/**
 * File recovery's settings of one vault: validated (every bad field named, so the form can say
 * what to fix), stored in the vault's app-data folder (`recovery-settings.json`, beside the
 * graph settings) and turned into the recorder's retention policy and save interval.
 */
import type { RecoverySettings, Result } from '../../contract/api-contract';
import type { VaultDataStore } from '../app-data/vault-data-store';
import { fail } from '../files/vault-reads';
import { DEFAULT_RETENTION, DEFAULT_SAVE_INTERVAL_MS, type RetentionPolicy } from './snapshot-types';

export const SETTINGS_FILE = 'recovery-settings';

const DAY_MS = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

export const DEFAULT_RECOVERY_SETTINGS: RecoverySettings = {
  keepDays: DEFAULT_RETENTION.maxAgeMs / DAY_MS,
  keepLast: DEFAULT_RETENTION.keepLast,
  maxSizeMb: DEFAULT_RETENTION.maxTotalBytes / MB,
  intervalMinutes: DEFAULT_SAVE_INTERVAL_MS / 60_000,
};

const FIELDS: { key: keyof RecoverySettings; label: string; min: number; max: number; integer: boolean }[] = [
  { key: 'keepDays', label: 'Keep versions for (days)', min: 0, max: 3650, integer: false },
  { key: 'keepLast', label: 'Always keep the newest (versions per note)', min: 1, max: 1000, integer: true },
  { key: 'maxSizeMb', label: 'Size cap (MB)', min: 1, max: 100_000, integer: true },
  { key: 'intervalMinutes', label: 'Save interval (minutes)', min: 0, max: 1440, integer: false },
];

export function validateRecoverySettings(input: unknown): Result<RecoverySettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('invalid-input', 'settings must be an object');
  const value = input as Record<string, unknown>;
  const problems: string[] = [];
  const out = { ...DEFAULT_RECOVERY_SETTINGS };
  for (const field of FIELDS) {
    const n = value[field.key];
    if (typeof n !== 'number' || !Number.isFinite(n)) problems.push(`${field.label} must be a number`);
    else if (field.integer && !Number.isInteger(n)) problems.push(`${field.label} must be a whole number`);
    else if (n < field.min || n > field.max) problems.push(`${field.label} must be between ${field.min} and ${field.max}`);
    else out[field.key] = n;
  }
  const unknown = Object.keys(value).filter((key) => !FIELDS.some((f) => f.key === key));
  if (unknown.length > 0) problems.push(`unknown setting(s): ${unknown.join(', ')}`);
  return problems.length > 0 ? fail('invalid-input', `${problems.join('; ')}.`) : { ok: true, value: out };
}

export function toPolicy(settings: RecoverySettings): { retention: RetentionPolicy; intervalMs: number } {
  return {
    retention: { maxAgeMs: settings.keepDays * DAY_MS, keepLast: settings.keepLast, maxTotalBytes: settings.maxSizeMb * MB },
    intervalMs: settings.intervalMinutes * 60_000,
  };
}

/**
 * The stored settings; null when none were saved. A damaged file is reported as a problem (the
 * defaults apply meanwhile) rather than thrown: a lost setting must not turn recovery off.
 */
export async function readRecoverySettings(store: VaultDataStore): Promise<{ stored: RecoverySettings | null; problem: string | null }> {
  let stored: unknown;
  try {
    stored = await store.read(SETTINGS_FILE);
  } catch (error) {
    return { stored: null, problem: `the saved settings could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (stored === null) return { stored: null, problem: null };
  const valid = validateRecoverySettings(stored);
  return valid.ok ? { stored: valid.value, problem: null } : { stored: null, problem: `the saved settings are not valid (${valid.error.message})` };
}
