/**
 * Runs at most `limit` async tasks at a time, the rest in order as earlier ones settle. The
 * reading view resolves each distinct link target with one HTTP call; a long note drawn at once
 * (a jump to its last heading) asks thousands at the same moment, more than the browser will
 * queue: it fails them ("Failed to fetch"), and failed calls read as a lost connection.
 */
export type Limited = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(limit: number): Limited {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`limitConcurrency: limit must be a positive integer, got ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        running++;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(next);
      };
      if (running < limit) start();
      else waiting.push(start);
    });
}
