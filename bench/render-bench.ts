/**
 * Reading-view speed on one big note: `node --import tsx bench/render-bench.ts [kilobytes]`.
 * Generates a ~1 MB Obsidian note (generate-rich-note.ts) and renders it the way the note pane
 * does: MarkdownView (markdownToHast, then hast to React elements, then React into a DOM), here
 * into jsdom. Prints the best of N runs (PLEXUS_BENCH_RUNS, default 5) of the markdown pipeline
 * alone and of the whole render, in wall and CPU time. Not a test: the numbers depend on the machine; nothing here
 * asserts a time. `--cpu-prof` on the node command line writes a profile of the runs. React
 * runs in its production build, as in the app (NODE_ENV=development to compare).
 */
import { JSDOM } from 'jsdom';
import { generateRichNote } from './generate-rich-note';
import type { VaultPath } from '../main/core/types';
import { vp } from '../tests/support/vault-path';

const KILOBYTES = Number(process.argv[2] ?? 1024);
const RUNS = Number(process.env.PLEXUS_BENCH_RUNS ?? 5);

function installDom(): void {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://127.0.0.1/', pretendToBeVisual: true });
  const globals = globalThis as Record<string, unknown>;
  for (const name of [
    'window',
    'document',
    'navigator',
    'HTMLElement',
    'Node',
    'Element',
    'Text',
    'MutationObserver',
    'getComputedStyle',
    'localStorage',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ]) {
    const value = (dom.window as unknown as Record<string, unknown>)[name];
    Object.defineProperty(globals, name, {
      value: typeof value === 'function' && name[0] === name[0].toLowerCase() ? value.bind(dom.window) : value,
      configurable: true,
      writable: true,
    });
  }
  globals.IS_REACT_ACT_ENVIRONMENT = false;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Best of RUNS, in wall time and in this process's CPU time (on a busy machine the wall time mostly measures the others). */
function best(label: string, run: () => void): void {
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const [startedWall, startedCpu] = [performance.now(), cpuMs()];
    run();
    wall = Math.min(wall, performance.now() - startedWall);
    cpu = Math.min(cpu, cpuMs() - startedCpu);
  }
  console.log(`${label}: best of ${RUNS}: ${Math.round(wall)} ms wall, ${Math.round(cpu)} ms CPU`);
}

async function main(): Promise<void> {
  // The app ships React's production build; the development one is several times slower.
  process.env.NODE_ENV ??= 'production';
  installDom();
  // After the DOM globals exist: React DOM and the components read them when loaded.
  const { createElement } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { flushSync } = await import('react-dom');
  const { markdownToHast } = await import('../renderer/src/markdown/pipeline');
  const { MarkdownView } = await import('../renderer/src/components/markdown-view');
  const { AppActionsContext, RenderScopeContext } = await import('../renderer/src/components/note-context');
  // The in-memory vault registers jest hooks when loaded (its tests close vaults after each); none here.
  const hooks = globalThis as { afterEach?: (fn: () => void) => void };
  hooks.afterEach ??= () => undefined;
  const { MemoryApi } = await import('../tests/renderer/support/memory-api');

  const markdown = generateRichNote(KILOBYTES * 1024);
  console.log(`note: ${(markdown.length / 1024).toFixed(0)} KB, ${markdown.split('\n').length} lines`);
  // One warm-up of each, so the numbers are not the JIT's.
  if (process.env.PLEXUS_BENCH_ONE_PASS !== '0') markdownToHast(markdown);

  // PLEXUS_BENCH_ONE_PASS=0 measures only the progressive view (one pass of 1 MB takes minutes on a loaded machine).
  const onePassToo = process.env.PLEXUS_BENCH_ONE_PASS !== '0';
  if (onePassToo)
    best('markdown pipeline (markdownToHast)', () => {
      markdownToHast(markdown);
    });

  const api = new MemoryApi({ notes: { 'Big.md': markdown } }).api();
  const actions = {
    api,
    resolve: (from: VaultPath | null, target: string) =>
      from === null ? Promise.resolve({ resolved: null, kind: null, createPath: null }) : api.resolveLink(from, target),
    requestCreate: () => undefined,
    showPreview: () => undefined,
    hidePreview: () => undefined,
    searchTag: () => undefined,
    reportError: () => undefined,
  };
  const scope = { sourcePath: vp('Big.md'), ancestors: ['Big.md'], preview: false };
  const { DEFAULT_SPLIT } = await import('../renderer/src/markdown/split-blocks');
  const onePass = { minNoteSize: Infinity, chunkSize: 0 };
  const view = (text: string, split: typeof DEFAULT_SPLIT) =>
    createElement(
      AppActionsContext.Provider,
      { value: actions },
      createElement(RenderScopeContext.Provider, { value: scope }, createElement(MarkdownView, { markdown: text, split })),
    );
  const mount = (split: typeof DEFAULT_SPLIT) => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    // A fresh string each run, so MarkdownView's memo cannot reuse the last render.
    flushSync(() => root.render(view(`${markdown}\n`, split)));
    const body = container.querySelector('.markdown-body');
    if (!body || body.childElementCount === 0) throw new Error('the note did not render');
    return {
      body,
      done: () => {
        flushSync(() => root.unmount());
        container.remove();
      },
    };
  };
  const renderOnce = (split: typeof DEFAULT_SPLIT) => () => mount(split).done();
  if (onePassToo) {
    renderOnce(onePass)();
    best('reading view, one pass (MarkdownView into jsdom)', renderOnce(onePass));
  }
  renderOnce(DEFAULT_SPLIT)();
  // Progressive (the default): what the first commit draws, then until every chunk is drawn.
  best('reading view, first screen (progressive, first commit)', renderOnce(DEFAULT_SPLIT));
  let wall = Infinity;
  let cpu = Infinity;
  // PLEXUS_BENCH_COMPLETE=0: the first screen only.
  for (let i = 0; i < (process.env.PLEXUS_BENCH_COMPLETE === '0' ? 0 : RUNS); i++) {
    const [startedWall, startedCpu] = [performance.now(), cpuMs()];
    const view = mount(DEFAULT_SPLIT);
    // Idle slices are timers here (jsdom has no requestIdleCallback): poll until the view says it is complete.
    while (view.body.getAttribute('aria-busy') === 'true') await new Promise((resolve) => setTimeout(resolve, 0));
    wall = Math.min(wall, performance.now() - startedWall);
    cpu = Math.min(cpu, cpuMs() - startedCpu);
    view.done();
  }
  if (wall < Infinity) console.log(`reading view, progressive until complete: best of ${RUNS}: ${Math.round(wall)} ms wall, ${Math.round(cpu)} ms CPU`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
