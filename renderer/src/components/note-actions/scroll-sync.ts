/**
 * Scroll sync for the side-by-side preview: the editor's scroll drives the preview to the same
 * source line. The editor says which line (with its fraction) is at its top; the preview's
 * blocks carry the line they start on (`data-source-line`, source-lines.ts), and the preview is
 * scrolled to where that line falls between the two blocks around it. One way only (editor to
 * preview), so the two never chase each other.
 */
import { EditorView } from '@codemirror/view';

export interface Anchor {
  /** 1-based source line the block starts on. */
  line: number;
  /** Its top in the preview's scrolled content, in pixels. */
  top: number;
}

/**
 * Where the preview's scrollTop goes for source line `line` (fractional): interpolated between
 * the anchors around it, from the top (line 1 at 0) to the end (`lastLine + 1` at `height`).
 */
export function previewScrollFor(anchors: readonly Anchor[], line: number, lastLine: number, height: number): number {
  const points: Anchor[] = [{ line: 1, top: 0 }];
  for (const a of [...anchors].sort((x, y) => x.line - y.line || x.top - y.top)) {
    const last = points[points.length - 1];
    // One top per line, and never upwards (a block drawn out of order is left out).
    if (a.line > last.line && a.top >= last.top) points.push(a);
  }
  if (lastLine + 1 > points[points.length - 1].line) points.push({ line: lastLine + 1, top: Math.max(height, points[points.length - 1].top) });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (line < b.line) return a.top + ((Math.max(line, a.line) - a.line) / (b.line - a.line)) * (b.top - a.top);
  }
  return points[points.length - 1].top;
}

/** The source line (1-based, with the fraction scrolled past) at the top of the editor's scroller. */
export function editorTopLine(view: EditorView): number {
  const height = view.scrollDOM.getBoundingClientRect().top - view.documentTop;
  if (height <= 0) return 1;
  const block = view.lineBlockAtHeight(height);
  const first = view.state.doc.lineAt(block.from).number;
  const last = view.state.doc.lineAt(block.to).number;
  const fraction = block.height > 0 ? Math.min(1, Math.max(0, (height - block.top) / block.height)) : 0;
  // A block widget (a table) stands for several lines: the fraction runs over all of them.
  return first + fraction * (last - first + 1);
}

/** The preview's anchors, measured in its scrolled content. */
export function previewAnchors(preview: HTMLElement): Anchor[] {
  const origin = preview.getBoundingClientRect().top - preview.scrollTop;
  return [...preview.querySelectorAll<HTMLElement>('[data-source-line]')].map((el) => ({
    line: Number(el.dataset.sourceLine),
    top: el.getBoundingClientRect().top - origin,
  }));
}

/** Scrolls `preview` to match the editor whose scroller is `scroller`. */
export function syncPreview(scroller: HTMLElement, preview: HTMLElement): void {
  const editorDom = scroller.closest<HTMLElement>('.cm-editor');
  const view = editorDom ? EditorView.findFromDOM(editorDom) : null;
  if (!view) return;
  const max = preview.scrollHeight - preview.clientHeight;
  // At the editor's end the preview goes to its end (the last lines may be shorter than the view).
  const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
  const top = atEnd ? max : previewScrollFor(previewAnchors(preview), editorTopLine(view), view.state.doc.lines, preview.scrollHeight);
  preview.scrollTop = Math.max(0, Math.min(max, top));
}
