import { err, ok, type Result } from '../../main/core/result';

test('ok and err build the two sides, which narrow on `ok`', () => {
  const half = (n: number): Result<number, string> => (n % 2 === 0 ? ok(n / 2) : err(`${n} is odd`));
  expect(half(4)).toEqual({ ok: true, value: 2 });
  expect(half(3)).toEqual({ ok: false, error: '3 is odd' });
  const answer = half(3);
  expect(answer.ok ? answer.value : answer.error).toBe('3 is odd');
});
