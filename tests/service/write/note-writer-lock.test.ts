import { PathLocks } from '../../../main/service/write/note-writer-lock';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('tasks on one key run one at a time, in order; other keys do not wait', async () => {
  const locks = new PathLocks();
  const log: string[] = [];
  const gate = deferred();
  const first = locks.run('a', async () => {
    log.push('a1 start');
    await gate.promise;
    log.push('a1 end');
  });
  const second = locks.run('a', async () => void log.push('a2'));
  await locks.run('b', async () => void log.push('b'));
  expect(log).toEqual(['a1 start', 'b']);
  gate.resolve();
  await Promise.all([first, second]);
  expect(log).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  expect(locks.size).toBe(0);
});

test('a task that throws releases the key and passes its error on', async () => {
  const locks = new PathLocks();
  const failed = locks.run('a', async () => {
    throw new Error('boom');
  });
  const next = locks.run('a', async () => 'ran');
  await expect(failed).rejects.toThrow('boom');
  await expect(next).resolves.toBe('ran');
  expect(locks.size).toBe(0);
});
