import { limitConcurrency } from '../../../renderer/src/lib/limit-concurrency';

interface Deferred {
  resolve(v: number): void;
  reject(e: Error): void;
}

function harness(limit: number, n: number) {
  const run = limitConcurrency(limit);
  const started: number[] = [];
  const pending = new Map<number, Deferred>();
  const results = Array.from({ length: n }, (_, i) =>
    run(
      () =>
        new Promise<number>((resolve, reject) => {
          started.push(i);
          pending.set(i, { resolve, reject });
        }),
    ),
  );
  return { started, pending, results };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

test('runs at most `limit` tasks at once, and the next in order as each settles', async () => {
  const { started, pending, results } = harness(2, 5);
  const all = Promise.allSettled(results);
  await flush();
  expect(started).toEqual([0, 1]);
  pending.get(1)!.resolve(10);
  await flush();
  expect(started).toEqual([0, 1, 2]);
  pending.get(0)!.reject(new Error('boom'));
  await flush();
  expect(started).toEqual([0, 1, 2, 3]);
  for (const i of [2, 3]) pending.get(i)!.resolve(i * 10);
  await flush();
  pending.get(4)!.resolve(40);
  const settled = await all;
  expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual(['boom', 10, 20, 30, 40]);
});

test('a task that throws synchronously rejects its call and frees its slot', async () => {
  const run = limitConcurrency(1);
  await expect(
    run(() => {
      throw new Error('sync');
    }),
  ).rejects.toThrow('sync');
  await expect(run(() => Promise.resolve(7))).resolves.toBe(7);
});

test('refuses a limit below one', () => {
  expect(() => limitConcurrency(0)).toThrow('positive integer');
});
