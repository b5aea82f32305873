/**
 * The markdown worker for jsdom (which has no Worker): the same handler the real worker runs
 * (pipeline-protocol.ts), answering in a later task with copies of the messages (they are JSON-shaped;
 * jsdom has no structuredClone), as a worker does. Counts what it was asked, and can be made to fail as it starts or on a request.
 */
import { answerPipelineRequest, type PipelineRequest } from '../../../renderer/src/markdown/pipeline-protocol';
import type { PipelineWorkerFactory } from '../../../renderer/src/markdown/chunks-ahead';

let answering = false;
/** True while the stand-in runs the pipeline (tells its calls from the window's own). */
export const insideStandIn = (): boolean => answering;

const copy = <T>(message: T): T => JSON.parse(JSON.stringify(message)) as T;

export interface StandIn {
  factory: PipelineWorkerFactory;
  /** The chunk indices asked for, in order. */
  requests: number[];
  /** Answers as an uncaught error in the worker would (onerror), not with a tree. */
  crashOn: (chunk: number) => void;
  terminated: () => boolean;
}

export function pipelineWorkerStandIn(options: { failToStart?: boolean } = {}): StandIn {
  const requests: number[] = [];
  let crashAt: number | null = null;
  let terminated = false;
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage(message: PipelineRequest) {
      const request = copy(message);
      requests.push(request.chunk);
      setTimeout(() => {
        if (terminated) return;
        if (request.chunk === crashAt) return worker.onerror?.({ message: 'Uncaught Error: stand-in crash' } as ErrorEvent);
        answering = true;
        let reply;
        try {
          reply = copy(answerPipelineRequest(request));
        } finally {
          answering = false;
        }
        worker.onmessage?.({ data: reply } as MessageEvent);
      }, 0);
    },
    terminate() {
      terminated = true;
    },
  };
  return {
    factory: () => (options.failToStart ? Promise.reject(new Error('stand-in could not start')) : Promise.resolve(worker as unknown as Worker)),
    requests,
    crashOn: (chunk) => (crashAt = chunk),
    terminated: () => terminated,
  };
}
