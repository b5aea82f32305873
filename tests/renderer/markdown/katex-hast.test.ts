/**
 * KaTeX straight to hast (katex-hast.ts) against the string path it replaces (renderToString,
 * then an HTML parse, as rehype-katex does): the same hast for every kind of node KaTeX draws,
 * and rehype-katex's own transform as the oracle for whole documents, errors included.
 */
import type { Nodes, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import { VFile } from 'vfile';
import { katexToHast } from '../../../renderer/src/markdown/katex-hast';
import { katexOptions } from '../../../renderer/src/markdown/math';
import { rehypeKatexDirect } from '../../../renderer/src/markdown/rehype-math';

function withoutPositions<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value))) as T;
}

const FORMULAS = [
  'x',
  'x_{1} + \\alpha^2',
  '\\frac{a}{b} + \\sqrt{x^2+1} + \\sqrt[3]{y}',
  '\\sum_{i=1}^{n} w_i^2 = \\frac{1}{n}',
  '\\xrightarrow[under]{over} \\overbrace{a+b}^{n} \\widehat{xyz} \\overrightarrow{AB}',
  '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
  '\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}',
  '\\left( \\frac{a}{b} \\right] \\Bigg\\{ x \\Bigg\\}',
  '\\text{naïve café, 東京, 한국어, मराठी} \\; \\mathrm{d}x',
  '\\color{red}{x} \\textcolor{#00f}{y} \\colorbox{yellow}{z}',
  '\\cancel{x} \\boxed{y} \\underline{z} \\overline{w} \\not= \\neq',
  '\\int_0^\\infty e^{-x^2}\\,dx \\oint \\iint \\oiint',
  'a < b > c & d " \' \\&',
  '\\hat{ï} \\vec{í}',
  '\\frac{', // a parse error: KaTeX's red error span
  '\\href{https://example.com}{x} \\url{https://x.y}', // not trusted: drawn as an error
  '\\rule{1em}{2em} \\hspace{1em} \\kern2em \\phantom{x}',
  '\\tag{1} x = y',
];

describe('katexToHast equals the HTML string parsed', () => {
  test.each(FORMULAS.flatMap((tex) => [[tex, false] as const, [tex, true] as const]))('%j (display %s)', (tex, displayMode) => {
    const options = { ...katexOptions, displayMode, throwOnError: false };
    const direct = katexToHast(tex, options);
    // The direct path must take every formula here, or the comparison would prove nothing.
    expect(direct).not.toBeNull();
    const parsed = fromHtmlIsomorphic(katex.renderToString(tex, options), { fragment: true }).children;
    expect(withoutPositions(direct)).toEqual(withoutPositions(parsed));
  });

  test('throws what renderToString throws when errors are to be thrown', () => {
    expect(() => katex.renderToString('\\frac{', { ...katexOptions, throwOnError: true })).toThrow(katex.ParseError);
    expect(() => katexToHast('\\frac{', { ...katexOptions, throwOnError: true })).toThrow(katex.ParseError);
  });

  test('declines (null) text an HTML parse would rewrite, so the caller takes the string path', () => {
    expect(katexToHast('\\text{a\rb}', katexOptions)).toBeNull();
    expect(katexToHast('\\text{ab}', katexOptions)).not.toBeNull();
  });
});

// rehype-katex itself draws with its own, older KaTeX (0.16, whose class names the bundled 0.19
// CSS no longer styles), so the oracle for the tree is its transform on the string path with the
// app's KaTeX, and rehype-katex is the oracle for which formulas fail and what is reported.
describe('rehypeKatexDirect equals rehype-katex', () => {
  const code = (tex: string, cls: string[]): Nodes => ({
    type: 'element',
    tagName: 'code',
    properties: { className: cls },
    children: [{ type: 'text', value: tex }],
  });
  const doc = (): Root => ({
    type: 'root',
    children: [
      { type: 'element', tagName: 'p', properties: {}, children: FORMULAS.map((tex) => code(tex, ['language-math', 'math-inline'])) as never },
      { type: 'element', tagName: 'pre', properties: {}, children: [code('\\frac{a}{b}', ['language-math']) as never] },
      code('\\sum_i x_i', ['language-math', 'math-display']) as never,
    ],
  });

  test('the same tree and the same messages', () => {
    const options = { ...katexOptions };
    const expected = doc();
    const expectedFile = new VFile();
    rehypeKatex(options)(expected, expectedFile);
    const stringPath = doc();
    rehypeKatexDirect(options, { toHast: () => null })(stringPath, new VFile());
    const actual = doc();
    const actualFile = new VFile();
    rehypeKatexDirect(options)(actual, actualFile);
    expect(withoutPositions(actual)).toEqual(withoutPositions(stringPath));
    expect(actual.children.length).toBe(expected.children.length);
    expect(actualFile.messages.map((m) => [m.reason, m.ruleId, m.source])).toEqual(expectedFile.messages.map((m) => [m.reason, m.ruleId, m.source]));
    expect(actualFile.messages.length).toBeGreaterThan(0);
  });
});
