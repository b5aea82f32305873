/** The preview's blocks carry the markdown line they start on, only when asked. */
import { markdownToHast } from '../../../renderer/src/markdown/pipeline';
import type { Element } from 'hast';

const TEXT = '---\ntags: [a]\n---\n# Title\n\nPara one\nstill one\n\n- item a\n- item b\n\n> quote\n';

function lines(sourceLines: boolean): [string, unknown][] {
  const { hast } = markdownToHast(TEXT, { sourceLines });
  const out: [string, unknown][] = [];
  const walk = (el: Element) => {
    if (el.properties?.dataSourceLine !== undefined) out.push([el.tagName, el.properties.dataSourceLine]);
    for (const c of el.children) if (c.type === 'element') walk(c);
  };
  for (const c of hast.children) if (c.type === 'element') walk(c);
  return out;
}

test('top-level blocks and the items of lists and quotes, by their 1-based start line', () => {
  expect(lines(true)).toEqual([
    ['h1', 4],
    ['p', 6],
    ['ul', 9],
    ['li', 9],
    ['li', 10],
    ['blockquote', 12],
    ['p', 12],
  ]);
});

test('none unless asked', () => {
  expect(lines(false)).toEqual([]);
});
