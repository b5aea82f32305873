/**
 * Messages between a long note's view and the markdown worker (pipeline-worker.ts), which runs
 * the pipeline on the note's parts so the main thread only turns the trees into React and lays
 * them out. One handler answers them, in the worker and in tests alike.
 */
import { markdownToHast, type RenderOptions } from './pipeline';

/** A part of a long note to draw: `session` names the view's text and settings, `chunk` the part. */
export interface PipelineRequest {
  session: number;
  chunk: number;
  text: string;
  options: Pick<RenderOptions, 'strictLineBreaks' | 'sourceLines' | 'lineOffset'>;
}

/**
 * The part's tree as JSON (the window's JSON.parse of it costs a fraction of a structured
 * clone's deserialisation of the same objects), or why the pipeline threw on it (the view then
 * draws that part itself).
 */
export type PipelineReply = { session: number; chunk: number } & ({ json: string } | { error: string });

/** Source positions are for the pipeline's own passes; the view never reads them, and they were about half of what crossed to the window. */
function withoutPositions(node: { position?: unknown; children?: unknown[] }): void {
  delete node.position;
  if (node.children) for (const child of node.children) withoutPositions(child as typeof node);
}

export function answerPipelineRequest(request: PipelineRequest): PipelineReply {
  const { session, chunk } = request;
  try {
    const { hast } = markdownToHast(request.text, request.options);
    withoutPositions(hast);
    return { session, chunk, json: JSON.stringify(hast) };
  } catch (error) {
    return { session, chunk, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
