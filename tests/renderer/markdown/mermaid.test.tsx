/** Mermaid blocks: loaded only when present, strict, drawn as an <img> of the SVG, errors inline. */
import '../setup';
import { cleanup, waitFor } from '@testing-library/react';
import { renderMarkdown } from './render-markdown';
import { auditDom } from '../hardening/dom-audit';

const render = jest.fn<Promise<{ svg: string }>, [string, string]>();
const initialize = jest.fn();
let loaded = false;
jest.mock('mermaid', () => {
  loaded = true;
  return { __esModule: true, default: { initialize: (...a: unknown[]) => initialize(...a), render: (id: string, src: string) => render(id, src) } };
});

afterEach(() => {
  cleanup();
  render.mockReset();
  initialize.mockReset();
});

test('a note without diagrams never loads mermaid', async () => {
  const { body } = renderMarkdown('# Plain\n\n```js\nconst x = 1;\n```\n');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(body().querySelector('.mermaid-block')).toBeNull();
  expect(loaded).toBe(false);
});

test('a diagram renders with securityLevel strict and no HTML labels, as an image; its SVG never enters the DOM', async () => {
  render.mockResolvedValue({ svg: '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><script>window.__pwned=1</script><text>A</text></svg>' });
  const { body } = renderMarkdown('```mermaid\ngraph TD\n  A --> B\n```\n');
  const img = await waitFor(() => {
    const found = body().querySelector<HTMLImageElement>('img.mermaid-diagram');
    expect(found).not.toBeNull();
    return found!;
  });
  expect(render).toHaveBeenCalledWith(expect.stringMatching(/^plexus-mermaid-/), 'graph TD\n  A --> B\n');
  expect(initialize).toHaveBeenCalledWith(expect.objectContaining({ securityLevel: 'strict', htmlLabels: false, startOnLoad: false }));
  expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
  expect(body().querySelector('svg, script')).toBeNull();
  expect(auditDom(body())).toEqual([]);
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
});

test('an invalid diagram shows a clear error inline and keeps its source', async () => {
  render.mockRejectedValue(new Error('Parse error on line 2'));
  const { body } = renderMarkdown('Before\n\n```mermaid\ngraph TD\n  A --> [[[\n```\n\nAfter $x$\n');
  const error = await waitFor(() => {
    const found = body().querySelector('.mermaid-error');
    expect(found).not.toBeNull();
    return found!;
  });
  expect(error.textContent).toBe('This mermaid diagram could not be drawn: Parse error on line 2');
  expect(body().querySelector('.mermaid-block pre')!.textContent).toContain('A --> [[[');
  expect(body().textContent).toContain('After');
  expect(body().querySelector('.katex')).not.toBeNull();
});

test('the note cannot forge a diagram placeholder with raw HTML', () => {
  const { body } = renderMarkdown('<div class="mermaid-block" data-mermaid="graph TD">x</div>\n');
  expect(body().querySelector('.mermaid-block')).toBeNull();
});
