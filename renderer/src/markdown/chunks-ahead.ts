/**
 * A long note's parts drawn ahead by the markdown worker (pipeline-worker.ts), one worker for
 * the window. The pipeline was most of the main thread's time while a 1 MB note filled in; in
 * the worker it runs on the other core, and the view only turns the trees into React. A view
 * (a text with its settings) opens a `ChunksAhead`, asks for the parts it will draw next, takes
 * those that have come back and draws the rest itself; when the worker cannot start or fails,
 * every part is drawn on the main thread as before.
 */
import type { Root as HastRoot } from 'hast';
import type { PipelineReply, PipelineRequest } from './pipeline-protocol';

export type PipelineWorkerFactory = () => Promise<Worker>;

/** A part the view will draw: its index, text and the pipeline options it is drawn with. */
export type WantedChunk = Omit<PipelineRequest, 'session'>;

/** Source characters sent to the worker and not yet answered: ahead of the fill, not the whole note at once (the order follows the reader's place). */
export const AHEAD_CHARS = 192 * 1024;

const defaultFactory: PipelineWorkerFactory = () => import('./create-pipeline-worker').then((m) => m.createPipelineWorker());
let factory: PipelineWorkerFactory | null = typeof Worker === 'undefined' ? null : defaultFactory;
let shared: WorkerConnection | null = null;

/** Tests: the worker stand-in to use (null: no worker, parts drawn on the main thread). */
export function setPipelineWorkerFactory(next: PipelineWorkerFactory | null): void {
  shared?.stop();
  shared = null;
  factory = next;
}

class WorkerConnection {
  private worker: Worker | null = null;
  private readonly waiting: PipelineRequest[] = [];
  private readonly sessions = new Map<number, ChunksAhead>();
  failed = false;

  constructor(start: PipelineWorkerFactory) {
    start().then(
      (worker) => {
        if (this.failed) return worker.terminate();
        this.worker = worker;
        worker.onmessage = (event: MessageEvent<PipelineReply>) => this.sessions.get(event.data.session)?.receive(event.data);
        worker.onerror = (event) => this.fail(new Error(`the markdown worker failed: ${event.message}`));
        for (const request of this.waiting.splice(0)) worker.postMessage(request);
      },
      (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))),
    );
  }

  send(session: ChunksAhead, request: PipelineRequest): void {
    this.sessions.set(request.session, session);
    if (this.worker) this.worker.postMessage(request);
    else this.waiting.push(request);
  }

  forget(session: number): void {
    this.sessions.delete(session);
  }

  private fail(error: Error): void {
    if (this.failed) return;
    // Not fatal: the view draws every part itself, as without a worker; said once, not hidden.
    console.error('Long notes are drawn without the markdown worker:', error);
    this.stop();
    for (const session of this.sessions.values()) session.lost();
    this.sessions.clear();
  }

  stop(): void {
    this.failed = true;
    this.waiting.length = 0;
    this.worker?.terminate();
    this.worker = null;
  }
}

let nextSession = 1;

export class ChunksAhead {
  private readonly id = nextSession++;
  private readonly ready = new Map<number, string>();
  private readonly sent = new Map<number, number>();
  private sentChars = 0;
  private awaited: number | null = null;

  /** `onAwaitedReady`: the part `waitFor` named has come back, or will not. */
  constructor(
    private readonly worker: WorkerConnection,
    private readonly onAwaitedReady: () => void,
  ) {}

  /** Sends the parts not yet asked for, in this order, while fewer than AHEAD_CHARS are out. */
  want(chunks: Iterable<WantedChunk>): void {
    if (this.worker.failed) return;
    for (const chunk of chunks) {
      if (this.sentChars >= AHEAD_CHARS) return;
      if (this.ready.has(chunk.chunk) || this.sent.has(chunk.chunk)) continue;
      this.sent.set(chunk.chunk, chunk.text.length);
      this.sentChars += chunk.text.length;
      this.worker.send(this, { session: this.id, ...chunk });
    }
  }

  /** The part's tree if the worker has drawn it (handed over once). */
  take(chunk: number): HastRoot | undefined {
    const json = this.ready.get(chunk);
    this.ready.delete(chunk);
    return json === undefined ? undefined : (JSON.parse(json) as HastRoot);
  }

  /** True when the part is with the worker: `onAwaitedReady` follows its answer. False: draw it now. */
  waitFor(chunk: number): boolean {
    if (this.ready.has(chunk)) return false;
    if (!this.sent.has(chunk) || this.worker.failed) return false;
    this.awaited = chunk;
    return true;
  }

  /** True when the part is with the worker and has not come back. */
  pending(chunk: number): boolean {
    return this.sent.has(chunk) && !this.worker.failed;
  }

  receive(reply: PipelineReply): void {
    const chars = this.sent.get(reply.chunk);
    if (chars === undefined) return;
    this.sent.delete(reply.chunk);
    this.sentChars -= chars;
    // A part the worker threw on is drawn by the view, which meets the same error where it always did.
    if ('json' in reply) this.ready.set(reply.chunk, reply.json);
    this.wake(reply.chunk);
  }

  /** The worker is gone: nothing more comes back. */
  lost(): void {
    this.sent.clear();
    this.sentChars = 0;
    if (this.awaited !== null) this.wake(this.awaited);
  }

  /** The view shows another text or unmounted: answers still on their way are dropped. */
  close(): void {
    this.worker.forget(this.id);
    this.sent.clear();
    this.sentChars = 0;
    this.ready.clear();
    this.awaited = null;
  }

  private wake(chunk: number): void {
    if (this.awaited !== chunk) return;
    this.awaited = null;
    this.onAwaitedReady();
  }
}

/** A view's parts ahead, or null when there is no worker to draw them (the view draws all). */
export function openChunksAhead(onAwaitedReady: () => void): ChunksAhead | null {
  if (!factory || shared?.failed) return null;
  shared ??= new WorkerConnection(factory);
  return new ChunksAhead(shared, onAwaitedReady);
}
