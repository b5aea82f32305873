/**
 * Deep links, after Obsidian's `obsidian://open`:
 * - `plexus://open?vault=NAME&file=PATH`: the note PATH (vault-relative, `/`-separated; `.md` may
 *   be left off) in the vault called NAME (its folder name), or in the open vault without `vault`;
 * - `plexus://open?path=ABSOLUTE`: a file by its absolute path, in whichever known vault holds it
 *   (`vault` and `file` are then ignored).
 *
 * A link only ever arrives from outside: on the command line (first start, or a second instance
 * handing its argv over) or through macOS's 'open-url'. The app's own pages also live under
 * `plexus://` (`plexus://app`, `plexus://vault`), but those are page URLs: loading one never goes
 * through here, and `plexus://open` is not a page (the protocol handler answers it 404, and any
 * navigation is refused). Only the `open` action exists; everything else is refused by name.
 *
 * Validated like every other input: a malformed URL, an unknown action, a repeated or empty
 * parameter, a path with `.`/`..`/empty segments, a backslash or a control character, or a
 * relative `path` gets a clear message, never a guess.
 */
import type { Result } from '../contract/api-contract';
import type { VaultPath } from '../core/types';
import { toVaultPath, type VaultPathProblem } from '../core/vault-path';
import { SCHEME } from './app-urls';

export type DeepLink = { kind: 'vault-file'; vault: string | null; file: VaultPath | null } | { kind: 'absolute'; path: string };

const MAX_LINK_LENGTH = 8192;
const KNOWN_PARAMS = new Set(['vault', 'file', 'path']);

const refuse = (message: string): Result<DeepLink> => ({ ok: false, error: { code: 'invalid-input', message } });

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What a link is told for each way its `file` fails toVaultPath. */
const LINK_PATH_WORDS: Record<VaultPathProblem, string> = {
  empty: 'The link’s “file” is empty.',
  absolute: '“file” must be a path inside the vault; use “path” for an absolute path.',
  'parent-segment': 'The file path goes up with “..”; a link may only open files inside the vault.',
  'control-character': 'The file name contains a control character.',
  backslash: 'The file path uses “\\”; Plexus links separate folders with “/”.',
  'not-normal': 'The file path has an empty or “.” folder.',
};

/** A vault-relative path as a link may name it: what toVaultPath accepts, and no DEL either. */
export function checkLinkVaultPath(file: string): Result<VaultPath> {
  const fail = (problem: VaultPathProblem): Result<VaultPath> => ({ ok: false, error: { code: 'invalid-input', message: LINK_PATH_WORDS[problem] } });
  if (CONTROL.test(file)) return fail('control-character');
  // A link written with '\\' is told so first, even when it also climbs ('Notes\\..\\x').
  if (file.includes('\\')) return fail('backslash');
  const checked = toVaultPath(file);
  return checked.ok ? checked : fail(checked.error.problem);
}

function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

export function parseDeepLink(raw: string): Result<DeepLink> {
  if (typeof raw !== 'string' || raw.length === 0) return refuse('The link is empty.');
  if (raw.length > MAX_LINK_LENGTH) return refuse('The link is too long.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('The link is not a valid URL.');
  }
  if (url.protocol !== `${SCHEME}:`) return refuse(`Not a ${SCHEME}: link.`);
  // `plexus://open?…` (host "open"); `plexus:open?…` is accepted too, as browsers may drop the slashes.
  const action = url.host !== '' ? url.host : url.pathname;
  if (action !== 'open' || (url.host !== '' && url.pathname !== '' && url.pathname !== '/')) {
    return refuse(`Plexus links open notes (${SCHEME}://open?vault=…&file=…); “${raw.slice(0, 200)}” is not one.`);
  }
  const values = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!KNOWN_PARAMS.has(key)) continue; // like Obsidian: unknown parameters are ignored
    if (values.has(key)) return refuse(`The link names “${key}” twice.`);
    if (value === '') return refuse(`The link's “${key}” is empty.`);
    if (CONTROL.test(value)) return refuse(`The link's “${key}” contains a control character.`);
    values.set(key, value);
  }
  const absolute = values.get('path');
  if (absolute !== undefined) {
    if (!isAbsolutePath(absolute)) return refuse('“path” must be an absolute path.');
    if (absolute.split(/[\\/]/).some((segment) => segment === '..' || segment === '.')) return refuse('“path” may not contain “.” or “..” folders.');
    return { ok: true, value: { kind: 'absolute', path: absolute } };
  }
  const rawFile = values.get('file');
  let file: VaultPath | null = null;
  if (rawFile !== undefined) {
    const checked = checkLinkVaultPath(rawFile);
    if (!checked.ok) return checked;
    file = checked.value;
  }
  return { ok: true, value: { kind: 'vault-file', vault: values.get('vault') ?? null, file } };
}
