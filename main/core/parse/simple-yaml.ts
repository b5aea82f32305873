/**
 * A recogniser for the small YAML subset almost every note's frontmatter uses:
 *
 *   key: plain words | "double" | 'single' | 123 | [a, "b", 3] | (empty)
 *   key:
 *     - item
 *
 * It returns exactly what `parseDocument(source).toJS()` from the `yaml` package returns for
 * such input, or null when the source holds anything else (comments, nesting, multi-line
 * scalars, anchors, escapes, non-trivial number forms, duplicate keys, tabs, CRLF...). The
 * `yaml` package costs more per note than the whole markdown scan; this is a small fraction of
 * that (docs/benchmarks.md).
 * Anything it accepts is checked against `yaml` by the differential tests.
 */

import { withoutTrailing } from './trailing-run';

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?$/;
const SEQUENCE_ITEM = /^( *)- +(.*)$/;
const BLANK = /^ *$/;
// First character a letter, so no YAML indicator (`-?:,[]{}#&*!|>'"%@\``) can start it; no ':'
// or '#' anywhere, so no `key: value` or ` # comment` hides inside; no flow indicators. Outside
// `[...]` a comma is ordinary text (`aliases: A, B`, the older Obsidian form).
const PLAIN_STRING = /^\p{L}[\p{L}\p{N} _\-/.]*$/u;
const PLAIN_BLOCK_STRING = /^\p{L}[\p{L}\p{N} _\-/.,]*$/u;
// The core schema's null and boolean spellings; everything else PLAIN_STRING admits is a string.
const KEYWORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
// Plain decimal integers that stay exact as JS numbers; other number forms (0o, 0x, 1e3, 0.5,
// leading zeros, signs) are left to the real parser.
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;

const REJECT = Symbol('reject');
type Scalar = string | number;

function scalar(raw: string, inFlow: boolean): Scalar | typeof REJECT {
  const double = DOUBLE_QUOTED.exec(raw);
  if (double) return double[1];
  const single = SINGLE_QUOTED.exec(raw);
  if (single) return single[1];
  if (INTEGER.test(raw)) return Number(raw);
  if ((inFlow ? PLAIN_STRING : PLAIN_BLOCK_STRING).test(raw) && !KEYWORD.test(raw)) return raw;
  return REJECT;
}

/** `[a, b]` on one line; rejects empty items (`[a,]`) and anything a comma split could break. */
function flowSequence(raw: string): Scalar[] | typeof REJECT {
  const inner = raw.slice(1, -1);
  if (BLANK.test(inner)) return [];
  const items: Scalar[] = [];
  for (const part of inner.split(',')) {
    const item = scalar(part.trim(), true);
    if (item === REJECT) return REJECT;
    items.push(item);
  }
  return items;
}

function value(raw: string): Scalar | Scalar[] | typeof REJECT {
  if (raw.startsWith('[') && raw.endsWith(']')) return flowSequence(raw);
  return scalar(raw, false);
}

/** The YAML between the frontmatter fences, or null when it is outside the subset. */
export function parseSimpleYaml(source: string): Record<string, unknown> | null {
  if (source.includes('\r') || source.includes('\t')) return null;
  const data: Record<string, unknown> = {};
  // The key whose empty value may still become a block sequence, and that sequence's indent.
  let openKey: string | null = null;
  let sequence: Scalar[] | null = null;
  let sequenceIndent = -1;
  for (const line of source.split('\n')) {
    if (BLANK.test(line)) continue;
    const item = openKey !== null ? SEQUENCE_ITEM.exec(line) : null;
    if (item && openKey !== null) {
      const indent = item[1].length;
      if (sequence === null) {
        sequence = [];
        sequenceIndent = indent;
        data[openKey] = sequence;
      } else if (indent !== sequenceIndent) {
        return null;
      }
      const parsed = scalar(withoutTrailing(item[2], 32), false);
      if (parsed === REJECT) return null;
      sequence.push(parsed);
      continue;
    }
    const entry = KEY_LINE.exec(line);
    if (!entry) return null;
    const key = entry[1];
    if (Object.hasOwn(data, key) || KEYWORD.test(key) || key === '__proto__') return null;
    // Not `replace(/ +$/, '')`, which is quadratic in a long run of inner spaces.
    const raw = withoutTrailing(entry[2] ?? '', 32);
    openKey = null;
    sequence = null;
    if (raw === '') {
      data[key] = null;
      openKey = key;
      continue;
    }
    const parsed = value(raw);
    if (parsed === REJECT) return null;
    data[key] = parsed;
  }
  return data;
}
