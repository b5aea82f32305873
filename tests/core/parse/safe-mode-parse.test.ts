import { parseNote } from '../../../main/core/parse/parse-note';
import { parseNoteSafeMode, SAFE_MODE_MAX_ITEMS } from '../../../main/core/parse/safe-mode-parse';
import { vp } from '../../support/vault-path';

const linkSummary = (note: ReturnType<typeof parseNote>) =>
  note.links.map(({ kind, embed, target, text, heading, block, alias, line, start, end, context, inFrontmatter }) => ({
    kind,
    embed,
    target,
    text,
    heading,
    block,
    alias,
    line,
    start,
    end,
    context,
    inFrontmatter,
  }));

describe('parseNoteSafeMode', () => {
  test('on a plain note it finds what the full parser finds', () => {
    const text = [
      '# Title',
      '',
      'See [[Other Note#Part|shown]] and ![[diagram.png]] and [label](Sub/Third%20Note.md#^blk).',
      'A #tag and #nested/tag/ and #123 (not a tag) and [site](https://example.com).',
      '',
      '## Second ##',
      'last line ^blk-1',
    ].join('\n');
    const full = parseNote(vp('Folder/Plain.md'), text);
    const safe = parseNoteSafeMode(vp('Folder/Plain.md'), text);
    expect(linkSummary(safe)).toEqual(linkSummary(full));
    expect(safe.tags).toEqual(full.tags);
    expect(safe.headings).toEqual(full.headings);
    expect(safe.blockIds).toEqual(full.blockIds);
    expect(safe.title).toBe('Plain');
  });

  test('skips fenced code, keeps frontmatter wiki links marked, and reads no YAML', () => {
    const text = [
      '---',
      'aliases: [Nick]',
      'related: "[[Linked From Yaml]]"',
      'tags: [hidden]',
      '---',
      '```',
      '[[Not A Link]] #nottag',
      '# not a heading',
      '```',
      'After [[Real]] #real',
    ].join('\n');
    const safe = parseNoteSafeMode(vp('Note.md'), text);
    expect(safe.links.map((l) => [l.target, l.inFrontmatter, l.line])).toEqual([
      ['Linked From Yaml', true, 3],
      ['Real', false, 10],
    ]);
    expect(safe.tags).toEqual(['real']);
    expect(safe.headings).toEqual([]);
    expect(safe.aliases).toEqual([]);
    expect(safe.frontmatter).toBeNull();
  });

  test('finds the links of the input that makes the full scanner exponential', () => {
    const text = `${'['.repeat(32)}x${'](y)'.repeat(32)} and [[Target]]`;
    const safe = parseNoteSafeMode(vp('Slow.md'), text);
    expect(safe.links.map((l) => l.target)).toEqual(['y', 'Target']);
  });

  test('stops each list at SAFE_MODE_MAX_ITEMS', () => {
    const safe = parseNoteSafeMode(vp('Many.md'), '[[a]] '.repeat(SAFE_MODE_MAX_ITEMS + 5));
    expect(safe.links).toHaveLength(SAFE_MODE_MAX_ITEMS);
  });

  // 8x the input within 24x the time (quadratic would be 64x): best of 4 each, small and large
  // alternated so a burst of load on a shared machine falls on both, after a warm-up.
  // Link-heavy inputs are smaller: their cost is the link objects, not the scan.
  test.each([
    ['brackets', '[', 300_000],
    ['unclosed wiki links', '[[a ', 300_000],
    ['unclosed markdown links', '[a](b ', 300_000],
    ['label then paren', '[a](', 300_000],
    ['nested exponential', '[[[[x](y)](y)', 60_000],
    ['tag of slashes', '#a' + '/'.repeat(50), 300_000],
    ['hashes', '#', 300_000],
    ['backticks', '`', 300_000],
    ['embeds', '![[x]]', 60_000],
    ['frontmatter lines', '\n[x', 300_000],
  ])('hostile input stays linear: %s', (_name, unit, base) => {
    const make = (bytes: number) => (unit === '\n[x' ? '---' : '') + unit.repeat(Math.ceil(bytes / unit.length));
    const once = (text: string) => {
      const started = performance.now();
      parseNoteSafeMode(vp('Hostile.md'), text);
      return performance.now() - started;
    };
    const small = make(base);
    const large = make(base * 8);
    once(small); // warm-up
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let run = 0; run < 4; run++) {
      bestSmall = Math.min(bestSmall, once(small));
      bestLarge = Math.min(bestLarge, once(large));
    }
    // The floor keeps sub-millisecond noise on cheap inputs out of the ratio.
    expect(bestLarge / Math.max(bestSmall, 20)).toBeLessThan(24);
  });
});
