/**
 * Linear time as a tested property of every hand-written scanner: on generated nests and floods
 * of each delimiter, 4x the input may take at most 8x the time (linear is ~4x, quadratic ~16x,
 * the old label rescan 2^(3n)). See growth-ratio.ts for how noise is kept out.
 */
import { scanBlocks } from '../../../main/core/parse/block-scanner';
import { scanFrontmatter } from '../../../main/core/parse/frontmatter';
import { scanInline, type InlineFindings } from '../../../main/core/parse/inline-scanner';
import { parseNote } from '../../../main/core/parse/parse-note';
import { matchWikiLinkEnd, splitWikiLinkInner } from '../../../main/core/parse/wiki-link-syntax';
import { maskNonProse } from '../../../main/core/query/prose-mask';
import { planRenameEdits } from '../../../main/core/rewrite/plan-rename-edits';
import { graphOf, testDeps } from '../rewrite/rewrite-harness';
import { inlinePayloads, linePayloads } from './delimiter-payloads';
import { growthRatio } from './growth-ratio';
import { vp } from '../../support/vault-path';

// Linear code gives ~4x for 4x the input and quadratic ~16x; 8 keeps every quadratic case
// failing while a loaded 2-core machine's noise near 6x does not fail linear ones.
const BOUND = 8;

function expectLinear(run: (text: string) => unknown, generate: (n: number) => string, n: number): void {
  const { ratio, times } = growthRatio(run, generate, n, BOUND);
  if (ratio > BOUND) {
    const sizes = [n, 2 * n, 4 * n].slice(0, times.length);
    throw new Error(
      `time grew ${ratio.toFixed(1)}x for ${times.length === 3 ? 4 : 2}x the input (sizes ${sizes.join(', ')}: ${times.map((t) => t.toFixed(1)).join(', ')} ms per batch)`,
    );
  }
}

const inline = (text: string): InlineFindings => {
  const findings: InlineFindings = { links: [], tags: [], blockIds: [] };
  scanInline(text, 0, text.length, true, findings);
  return findings;
};

const rename = (text: string): unknown => {
  const notes: Record<string, string> = { 'n.md': text, 'y.md': 'y' };
  return planRenameEdits(graphOf(notes), (p) => notes[p], vp('y.md'), vp('z/y.md'), testDeps);
};

/** Every `[[` tried as a wiki link, as the frontmatter scan and the renderer's extension do. */
const wikiGrammar = (text: string): number => {
  let found = 0;
  for (let open = text.indexOf('[['); open >= 0; open = text.indexOf('[[', open + 1)) {
    const end = matchWikiLinkEnd(text, open, text.length);
    if (end >= 0) found += splitWikiLinkInner(text.slice(open + 2, end - 2)).target.length;
  }
  return found;
};

const frontmatterPayloads: Record<string, { n: number; generate: (n: number) => string }> = {
  'a list of wiki links': { n: 300, generate: (n) => `---\nrelated:\n${Array.from({ length: n }, (_, i) => `  - "[[a${i}]]"\n`).join('')}---\n` },
  'a value with a long run of inner spaces': { n: 2000, generate: (n) => `---\nk: a${' '.repeat(n)}b\n---\n` },
  'a list item with a long run of inner spaces': { n: 2000, generate: (n) => `---\nk:\n  - a${' '.repeat(n)}b\n---\n` },
  'a flood of [[ in a string': { n: 2000, generate: (n) => `---\nk: "${'[['.repeat(n)}"\n---\n` },
};

const entries = <T>(record: Record<string, T>): [string, T][] => Object.entries(record);

describe('the inline scanner is linear', () => {
  test.each(entries(inlinePayloads))('%s', (_name, { n, generate }) => expectLinear(inline, generate, n));
});

/** parseNote adds the block scan and the line index to the inline scan: the payloads that reach those. */
const wholeNotePayloads = {
  ...linePayloads,
  ...Object.fromEntries(
    ['link nest within the depth cap', 'link nest past the depth cap', 'flood of [', 'flood of links', 'tag with a long run of /', 'mixed'].map((name) => [
      name,
      inlinePayloads[name],
    ]),
  ),
};

describe('parseNote is linear', () => {
  test.each(entries(wholeNotePayloads))('%s', (_name, { n, generate }) => expectLinear((text) => parseNote(vp('n.md'), text), generate, n));
});

describe('the block scanner is linear', () => {
  test.each(entries(linePayloads))('%s', (_name, { n, generate }) => expectLinear((text) => scanBlocks(text, 0, 1), generate, n));
});

describe('the prose mask is linear', () => {
  test.each(entries({ ...inlinePayloads, ...linePayloads }))('%s', (_name, { n, generate }) => expectLinear(maskNonProse, generate, n));
});

describe('the rename link rewriter is linear', () => {
  const linky = [
    'link nest past the depth cap',
    'link nest around a wiki link',
    'flood of [[ then ]]',
    'flood of links',
    'flood of unclosed link destinations',
  ];
  test.each(linky)('%s', (name) => expectLinear(rename, inlinePayloads[name].generate, inlinePayloads[name].n));
});

describe('the wiki-link grammar is linear', () => {
  test.each(entries(inlinePayloads).filter(([name]) => name.includes('[[') || name.includes('wiki') || name.includes('links')))(
    '%s',
    (_name, { n, generate }) => expectLinear(wikiGrammar, generate, n),
  );
});

describe('the frontmatter scan is linear', () => {
  test.each(entries(frontmatterPayloads))('%s', (_name, { n, generate }) => expectLinear((text) => scanFrontmatter(text, 0), generate, n));
  test.each(entries(frontmatterPayloads))('%s, through parseNote', (_name, { n, generate }) =>
    expectLinear((text) => parseNote(vp('n.md'), text), generate, n),
  );
});
