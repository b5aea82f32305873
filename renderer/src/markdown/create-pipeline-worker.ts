/**
 * Starts the markdown worker. Kept apart (and loaded lazily) because `import.meta.url` is
 * module-only syntax: Vite bundles the worker from it, while CommonJS test builds never load it.
 */
export function createPipelineWorker(): Worker {
  return new Worker(new URL('./pipeline-worker.ts', import.meta.url), { type: 'module' });
}
