/**
 * The parse cache's link records. Links are most of a vault's parse (30k of them at 10k notes),
 * so they are stored as arrays, not objects with a dozen keys each: a third less JSON to parse.
 * When the cache also holds their resolutions, decoding builds the graph's ResolvedLink objects
 * directly, and the note's `links` are those same objects (a ResolvedLink is a LinkRef with three
 * more fields), so a warm start creates one object per link instead of two.
 */
import type { Resolution } from '../core/resolve/resolve-link';
import type { LinkRef, ResolvedLink, VaultPath } from '../core/types';
import { num, str, strOrNull } from './parse-cache-codec';

/** One link's resolution: the path, null when unresolved, or [path | null, candidates] when several files matched. */
export type EncodedResolution = string | null | [string | null, string[]];

/** kind 0 wiki / 1 markdown; text 0 when it equals the target (most links); flags 0/1; then the resolution when stored. */
type EncodedLink =
  | [kind: 0 | 1, embed: 0 | 1, target: string, text: string | 0, heading: string | null, block: string | null, alias: string | null, start: number, end: number, inFrontmatter: 0 | 1, line: number, context: string]
  | [kind: 0 | 1, embed: 0 | 1, target: string, text: string | 0, heading: string | null, block: string | null, alias: string | null, start: number, end: number, inFrontmatter: 0 | 1, line: number, context: string, resolution: EncodedResolution];

const NO_CANDIDATES: string[] = Object.freeze([]) as unknown as string[];

export function encodeLinks(links: readonly LinkRef[], resolutions: readonly Resolution[] | null): EncodedLink[] {
  if (resolutions !== null && resolutions.length !== links.length) throw new Error('parse cache: one resolution per link expected');
  return links.map((l, i): EncodedLink => {
    const base: EncodedLink = [l.kind === 'wiki' ? 0 : 1, l.embed ? 1 : 0, l.target, l.text === l.target ? 0 : l.text, l.heading, l.block, l.alias, l.start, l.end, l.inFrontmatter ? 1 : 0, l.line, l.context];
    if (resolutions === null) return base;
    const r = resolutions[i];
    return [...base, r.candidates.length === 0 ? r.resolved : [r.resolved, r.candidates]] as EncodedLink;
  });
}

/** Plain LinkRefs (the cache holds no resolutions). */
export function decodeLinks(value: unknown): LinkRef[] {
  return list(value).map((item) => {
    const { source: _source, resolved: _resolved, candidates: _candidates, ...link } = decodeLink(record(item, 12), '', null);
    return link;
  });
}

/** ResolvedLinks from `source`; every record carries its resolution. */
export function decodeResolvedLinks(value: unknown, source: VaultPath): ResolvedLink[] {
  return list(value).map((item) => {
    const l = record(item, 13);
    return decodeLink(l, source, l[12] as EncodedResolution);
  });
}

/** One record, built in the key order link-store.ts's resolvedLink uses (one hidden class for both). */
function decodeLink(l: unknown[], source: VaultPath, stored: EncodedResolution): ResolvedLink {
  let resolved: string | null;
  let candidates: string[];
  if (stored === null || typeof stored === 'string') {
    resolved = stored;
    candidates = NO_CANDIDATES;
  } else {
    const pair = record(stored, 2);
    resolved = strOrNull(pair[0]);
    candidates = list(pair[1]).map(str);
  }
  return {
    kind: bit(l[0]) === 0 ? 'wiki' : 'markdown',
    embed: bit(l[1]) === 1,
    target: str(l[2]),
    text: l[3] === 0 ? str(l[2]) : str(l[3]),
    heading: strOrNull(l[4]),
    block: strOrNull(l[5]),
    alias: strOrNull(l[6]),
    line: num(l[10]),
    start: num(l[7]),
    end: num(l[8]),
    context: str(l[11]),
    inFrontmatter: bit(l[9]) === 1,
    source,
    resolved,
    candidates,
  };
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('cache record: expected a list');
  return value;
}

function record(value: unknown, length: number): unknown[] {
  if (!Array.isArray(value) || value.length !== length) throw new Error('cache record: unexpected link layout');
  return value;
}

function bit(value: unknown): 0 | 1 {
  if (value !== 0 && value !== 1) throw new Error('cache record: expected 0 or 1');
  return value;
}
