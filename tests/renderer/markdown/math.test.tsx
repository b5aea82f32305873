/** Math in the reading view (KaTeX, Obsidian's `$` rules): markdown in, DOM facts out. */
import { readFileSync } from 'node:fs';
import '../setup';
import { cleanup } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { auditDom } from '../hardening/dom-audit';

afterEach(cleanup);

const inline = (el: HTMLElement) => el.querySelectorAll('.katex:not(.katex-display .katex)').length;
const display = (el: HTMLElement) => el.querySelectorAll('.katex-display').length;

test.each([
  ['$x^2$', 1, 0],
  ['a $x$ and $y$ b', 2, 0],
  ['It costs $5 and $10 to enter.', 0, 0],
  ['5 dollars and 10 dollars', 0, 0],
  ['$ x$ and $x $', 0, 0],
  ['`$x$` in code', 0, 0],
  ['```\n$x$\n```', 0, 0],
  ['escaped \\$x$', 0, 0],
  ['$$x$$ inline display', 0, 1],
  ['$$\n\\begin{aligned}a &= b \\\\\nc &= d\\end{aligned}\n$$', 0, 1],
  ['$$\na\n\nb\n$$', 0, 1],
  ['```math\nx + y\n```', 0, 1],
  ['- item $a$\n> quote $b$', 2, 0],
])('%j: %i inline, %i display', (markdown, inlineCount, displayCount) => {
  const { body } = renderMarkdown(markdown);
  expect(inline(body())).toBe(inlineCount);
  expect(display(body())).toBe(displayCount);
  if (inlineCount + displayCount === 0 && markdown.includes('$')) expect(body().textContent).toContain('$');
});

test('\\\\ in display math is a line break, not an escaped backslash', () => {
  const { body } = renderMarkdown('$$\na \\\\ b\n$$');
  expect(body().querySelectorAll('.katex .katex-newline').length).toBe(1);
  const inPara = renderMarkdown('Text $$a \\\\ b$$ text').body();
  expect(inPara.querySelectorAll('.katex .katex-newline').length).toBe(1);
});

// rehype-katex brings its own KaTeX (0.16), whose class names (`base`, `sizing`, `newline`) the
// bundled stylesheet (KaTeX 0.19, main.tsx) no longer has: sizes and line breaks went unstyled.
test('math is drawn by the KaTeX whose stylesheet is bundled', () => {
  const css = readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8');
  const math = renderMarkdown('$x^{2}_{i}$ and $$\\frac{a}{b}$$').body();
  const classes = new Set<string>();
  for (const el of math.querySelectorAll('.katex, .katex *')) for (const cls of el.classList) classes.add(cls);
  expect(classes.has('katex-base')).toBe(true);
  expect(classes.has('katex-sizing')).toBe(true);
  for (const cls of ['katex-base', 'katex-sizing', 'katex-newline']) expect(css).toContain(`.${cls}`);
  expect([...classes].filter((cls) => ['base', 'sizing', 'newline'].includes(cls))).toEqual([]);
});

test.each(['$\\frac{1}{$', '$$\\begin{matrix}$$', '$\\undefinedmacro x$'])('an error in %j is shown inline in red, the rest still renders', (tex) => {
  const { body } = renderMarkdown(`before ${tex} after $y$`);
  expect(body().textContent).toContain('before');
  expect(body().textContent).toContain('after');
  // KaTeX marks a parse error as .katex-error, an unknown macro as its name in the error colour.
  const error =
    body().querySelector<HTMLElement>('.katex-error') ??
    Array.from(body().querySelectorAll<HTMLElement>('.katex [style*="color"]')).find((el) => el.textContent === '\\undefinedmacro');
  expect(error).toBeDefined();
  expect(error!.style.color).toBe('rgb(210, 60, 60)');
  expect(body().querySelectorAll('.katex').length + body().querySelectorAll('.katex-error').length).toBeGreaterThanOrEqual(2);
});

test('KaTeX output is HTML only: no MathML, no <svg> (radicals become data: images), nothing active', () => {
  const { body } = renderMarkdown('$\\sqrt{x^2+1}$ and $$\\overrightarrow{AB}$$ and $\\href{javascript:alert(1)}{click}$ $\\url{https://x.y}$');
  expect(body().querySelector('math, svg')).toBeNull();
  const images = Array.from(body().querySelectorAll('img.math-svg'));
  expect(images.length).toBeGreaterThan(0);
  for (const img of images) expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
  expect(body().querySelector('a')).toBeNull();
  expect(auditDom(body())).toEqual([]);
});
