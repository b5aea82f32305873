/// <reference lib="webworker" />
/** The markdown worker: each request is a part of a long note, each answer its sanitized tree. */
import { answerPipelineRequest, type PipelineRequest } from './pipeline-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PipelineRequest>) => scope.postMessage(answerPipelineRequest(event.data));
