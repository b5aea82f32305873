import { markRanges, readableInline } from '../../../main/core/query/readable-text';

describe('readableInline', () => {
  test.each([
    ['plain text', 'plain text'],
    ['**bold** and __strong__', 'bold and strong'],
    ['*em* and _em_ but snake_case_name stays', 'em and em but snake_case_name stays'],
    ['***both*** ~~gone~~ ==marked==', 'both gone marked'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['see [[Note]]', 'see Note'],
    ['see [[Folder/Note|the alias]]', 'see the alias'],
    ['see [[Note#Heading]] and [[#Local]]', 'see Note › Heading and Local'],
    ['a block [[Note#^abc123]]', 'a block Note › ^abc123'],
    ['![[Embedded Note]]', 'Embedded Note'],
    ['[[My%20Note]]', 'My Note'],
    ['[text](https://example.com/a%20b)', 'text'],
    ['[](Some%20Note.md)', 'Some Note.md'],
    ['[**bold label**](x.md)', 'bold label'],
    ['![alt text](pic.png)', 'alt text'],
    ['a footnote[^1] here', 'a footnote here'],
    ['use `**code**` as is', 'use **code** as is'],
    ['escaped \\*star\\* stays', 'escaped *star* stays'],
    ['<b>html</b> tags <span class="x">go</span>', 'html tags go'],
    ['<https://example.com>', 'https://example.com'],
    ['# Heading #', 'Heading'],
    ['> quoted', 'quoted'],
    ['- [ ] a task', 'a task'],
    ['1. first', 'first'],
    ['> [!note] Callout title', 'Callout title'],
    ['text with a block id ^abc-1', 'text with a block id'],
    ['visible %%hidden comment%% text', 'visible text'],
    ['| a | b |', 'a · b'],
    ['#tag stays', '#tag stays'],
    ['markers \uE000x\uE001 are dropped', 'markers x are dropped'],
    ['[[unclosed', '[[unclosed'],
    ['two\nlines', 'two lines'],
  ])('%j reads as %j', (markdown, expected) => {
    expect(readableInline(markdown).text).toBe(expected);
  });

  test('reports where each link landed and its decoded target', () => {
    const r = readableInline('**A** [[B%20C|bee]] then [x](../D%20E.md#h) and [[F#G]]');
    expect(r.text).toBe('A bee then x and F › G');
    expect(r.links.map((l) => [r.text.slice(l.from, l.to), l.target])).toEqual([
      ['bee', 'B C'],
      ['x', '../D E.md'],
      ['F › G', 'F'],
    ]);
  });

  test.each([['[*_'], ['**a '], ['[[a'], ['[a](']])('a long line of %j stays cheap', (unit) => {
    // 20k vs 160k repeats: 8x the input within 24x the time (quadratic would be 64x), best of five
    // each, alternated so a burst of load on a shared machine falls on both; times under 25 ms are
    // scheduler noise, not growth.
    const once = (n: number) => {
      const t = performance.now();
      readableInline(unit.repeat(n));
      return performance.now() - t;
    };
    once(1000);
    let small = Infinity;
    let large = Infinity;
    for (let i = 0; i < 5; i++) {
      small = Math.min(small, once(20_000));
      large = Math.min(large, once(160_000));
    }
    expect(large).toBeLessThan(Math.max(24 * small, 25));
  });
});

describe('markRanges', () => {
  test('marks, merging overlaps, in any order', () => {
    expect(
      markRanges('abcdef', [
        { from: 4, to: 5 },
        { from: 0, to: 2 },
        { from: 1, to: 3 },
      ]),
    ).toBe('\uE000abc\uE001d\uE000e\uE001f');
  });
});
