import fc from 'fast-check';
import { parseNote } from '../../../../main/core/parse/parse-note';
import { parseSimpleYaml } from '../../../../main/core/parse/simple-yaml';
import { vp } from '../../../support/vault-path';

/** Asserts parseNote agrees with and without the YAML subset; returns whether the subset answered non-empty frontmatter. */
function agrees(text: string): boolean {
  expect(parseNote(vp('Folder/P.md'), text)).toEqual(parseNote(vp('Folder/P.md'), text, { yamlSubset: false }));
  const match = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*\r?$/m.exec(text);
  return match !== null && match.index === 0 && parseSimpleYaml(match[1]) !== null;
}

const MARKDOWN_ALPHABET = [...'[]()!#|^`-*>~_<\n ', 'a', 'b', 'Z', '0', '7', ':', '"', ',', '.md', '[[', ']]', '```\n', '<!--', '-->'];
const markdownish = fc.array(fc.constantFrom(...MARKDOWN_ALPHABET), { maxLength: 200 }).map((parts) => parts.join(''));

const yamlLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('tags', 'aliases', 'alias', 'tag', 'related', 'x'),
      fc.constantFrom('a', 'A, b', '[p, "#q", 3]', '"[[N#H|s]]"', "'![[E]]'", '', '[[N]]', 'a # c', 'true'),
    )
    .map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom('  - item', '  - "[[L]]"', '- t/x', '', '  nested: 1'),
);
/** Frontmatter drawn mostly from the accepted subset, so the fast path is exercised, not just declined. */
const frontmatter = fc.array(yamlLine, { maxLength: 6 }).map((lines) => `---\n${lines.join('\n')}\n---\n`);

describe('the YAML subset never changes what parseNote returns, and never throws', () => {
  test('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void agrees(text)),
      { numRuns: 500 },
    );
  });

  test('markdown-ish strings, with and without frontmatter', () => {
    let acceptedWithFrontmatter = 0;
    fc.assert(
      fc.property(fc.option(frontmatter, { nil: '' }), markdownish, (front, body) => {
        if (agrees(front + body) && front !== '') acceptedWithFrontmatter++;
      }),
      { numRuns: 2000 },
    );
    // The generator must reach the fast YAML path often, or this property proves nothing about it.
    expect(acceptedWithFrontmatter).toBeGreaterThan(300);
  });

  test('pathological inputs finish quickly', () => {
    const inputs = [
      '['.repeat(100_000),
      '>'.repeat(10_000) + ' [[x]]',
      `---\ntags: [${'a, '.repeat(20_000)}b]\n---\n` + '[['.repeat(50_000),
      `---\naliases:\n${'  - x\n'.repeat(20_000)}---\n` + '`'.repeat(30_000),
    ];
    const started = Date.now();
    for (const text of inputs) agrees(text);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
