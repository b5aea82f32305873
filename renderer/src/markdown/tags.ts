/** Inline `#tag` text becomes a tag element (after sanitize, so the markup is ours). Code and links are left alone. */
import type { Root, Element, ElementContent, Text } from 'hast';
import { withoutTrailing } from '../../../main/core/parse/trailing-run';

/** The indexer's tag syntax (main/core/parse/tags.ts): letters, digits, marks, `_`, `-`, `/`; not only digits. */
const TAG = /(^|[\s(])#([\p{L}\p{N}\p{M}_-][\p{L}\p{N}\p{M}_/-]*)/gu;
const HAS_NON_DIGIT = /[^0-9/]/;
const SLASH = 47;
const SKIP = new Set(['a', 'code', 'pre', 'script', 'style']);

function splitTags(node: Text): ElementContent[] | null {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of node.value.matchAll(TAG)) {
    // Not `replace(/\/+$/, '')`: quadratic on a long inner run of `/` (seconds on 40k).
    m[2] = withoutTrailing(m[2], SLASH);
    if (!HAS_NON_DIGIT.test(m[2])) continue;
    const start = (m.index ?? 0) + m[1].length;
    if (start > last) out.push({ type: 'text', value: node.value.slice(last, start) });
    out.push({ type: 'element', tagName: 'a', properties: { className: ['tag'], href: '', dataTag: m[2] }, children: [{ type: 'text', value: `#${m[2]}` }] });
    last = start + 1 + m[2].length;
  }
  if (out.length === 0) return null;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

function walk(parent: Root | Element): void {
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i];
    if (child.type === 'element' && !SKIP.has(child.tagName)) walk(child);
    else if (child.type === 'text') {
      const parts = splitTags(child);
      if (!parts) continue;
      parent.children.splice(i, 1, ...parts);
      i += parts.length - 1;
    }
  }
}

export function markTags(tree: Root): void {
  walk(tree);
}
