/**
 * `parseNoteFaithful(path, text)`: the scanner's result, unless the note holds a construct the
 * scanner only approximates (needsReferenceParse) and is small enough for micromark to be safe,
 * in which case the reference parse. micromark is far slower and quadratic on long runs of `[`
 * and on many unclosed `$`, hence the limits. Fallbacks are counted so benchmarks can report
 * the rate.
 */
import type { ParsedNote, VaultPath } from '../../types';
import { parseNote } from '../parse-note';
import { renderRefusal } from '../render-guard/render-refusal';
import { needsReferenceParse } from './needs-reference-parse';
import { parseNoteWithRemark } from './parse-note-remark';

/** Notes at least this long (UTF-16 code units) always use the scanner. */
export const MAX_REFERENCE_PARSE_LENGTH = 256 * 1024;
const MAX_BRACKET_RUN = 1000;
const MAX_DOLLARS = 2000;

export interface FaithfulParseStats {
  parsed: number;
  /** Notes the detector flagged and remark re-parsed. */
  fallbacks: number;
  /** Notes the detector flagged but that were too large or risky for remark. */
  tooRiskyForReference: number;
}

const stats: FaithfulParseStats = { parsed: 0, fallbacks: 0, tooRiskyForReference: 0 };

export function faithfulParseStats(): FaithfulParseStats {
  return { ...stats };
}

export function resetFaithfulParseStats(): void {
  stats.parsed = 0;
  stats.fallbacks = 0;
  stats.tooRiskyForReference = 0;
}

/**
 * True when micromark parses `text` in reasonable time: not huge, no long `[` runs, few `$`, and
 * accepted by the reading view's render guard (a note it refuses is drawn as plain text, with no
 * links, so remark has nothing to say about it; and the guard is what keeps remark's quadratic
 * cases out, also where a parse runs without a budget, in-thread).
 */
export function isSafeForReferenceParse(text: string): boolean {
  if (text.length >= MAX_REFERENCE_PARSE_LENGTH) return false;
  if (renderRefusal(text) !== null) return false;
  let run = 0;
  let dollars = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    run = code === 91 ? run + 1 : 0;
    if (code === 36) dollars++;
    if (run > MAX_BRACKET_RUN || dollars > MAX_DOLLARS) return false;
  }
  return true;
}

export function parseNoteFaithful(path: VaultPath, text: string): ParsedNote {
  stats.parsed++;
  if (!needsReferenceParse(text)) return parseNote(path, text);
  if (!isSafeForReferenceParse(text)) {
    stats.tooRiskyForReference++;
    return parseNote(path, text);
  }
  stats.fallbacks++;
  return parseNoteWithRemark(path, text);
}
