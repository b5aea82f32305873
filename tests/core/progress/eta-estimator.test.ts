import { EtaEstimator } from '../../../main/core/progress/eta-estimator';
import { formatIndexProgress, formatTimeLeft } from '../../../main/core/progress/format-progress';

/** Feeds a steady rate (items per ms) from `from`, one observation every `stepMs`, and returns each answer. */
function feed(eta: EtaEstimator, options: { from: number; total: number; rate: number; stepMs: number; steps: number; startMs?: number }) {
  const answers: (number | null)[] = [];
  const start = options.startMs ?? 0;
  for (let i = 0; i <= options.steps; i++) {
    const done = Math.min(options.total, options.from + Math.round(options.rate * options.stepMs * i));
    answers.push(eta.observe(done, options.total, start + options.stepMs * i));
  }
  return answers;
}

describe('EtaEstimator', () => {
  test('says nothing until a few hundred items over half a second were seen, then the time left at the observed rate', () => {
    const eta = new EtaEstimator();
    // 1 note per ms: 100 notes per 100 ms step.
    const answers = feed(eta, { from: 0, total: 10_000, rate: 1, stepMs: 100, steps: 10 });
    expect(answers.slice(0, 5)).toEqual([null, null, null, null, null]);
    // At 500 ms, 500 done: 9,500 left at 1 per ms.
    expect(answers[5]).toBeCloseTo(9_500, 0);
    expect(answers[10]).toBeCloseTo(9_000, 0);
  });

  test('items done before the first observation (cached notes) do not count as speed', () => {
    const eta = new EtaEstimator();
    const answers = feed(eta, { from: 40_000, total: 50_000, rate: 1, stepMs: 100, steps: 10 });
    expect(answers[0]).toBeNull();
    expect(answers[10]).toBeCloseTo(9_000, 0);
  });

  test('a few hundred items in a blink give no estimate until half a second has passed', () => {
    const eta = new EtaEstimator();
    expect(eta.observe(0, 10_000, 0)).toBeNull();
    expect(eta.observe(400, 10_000, 50)).toBeNull();
    expect(eta.observe(800, 10_000, 400)).toBeNull();
    expect(eta.observe(1_000, 10_000, 500)).toBeCloseTo(4_500, 0);
  });

  test('a sudden change of rate moves the estimate gradually, towards the new rate', () => {
    const eta = new EtaEstimator({ halfLifeMs: 1_000 });
    feed(eta, { from: 0, total: 100_000, rate: 1, stepMs: 100, steps: 20 });
    // The rate halves: 0.5 per ms from 2,000 done at 2 s.
    const slow = feed(eta, { from: 2_000, total: 100_000, rate: 0.5, stepMs: 100, steps: 60, startMs: 2_000 }).slice(1) as number[];
    const atOldRate = (100_000 - 2_050) / 1;
    expect(slow[0]).toBeGreaterThan(atOldRate);
    expect(slow[0]).toBeLessThan(atOldRate * 1.1);
    for (let i = 1; i < slow.length; i++) expect(slow[i]).toBeGreaterThan(slow[i - 1] - 100);
    // After 3 half-lives it is within 1/8 of the way from the new rate's answer.
    const left = 100_000 - (2_000 + 0.5 * 3_000);
    expect(slow[29]).toBeGreaterThan((left / 0.5) * 0.85);
    expect(slow[29]).toBeLessThan(left / 0.5);
  });

  test('done is 0 ms left; a count that goes back starts over', () => {
    const eta = new EtaEstimator();
    feed(eta, { from: 0, total: 10_000, rate: 1, stepMs: 100, steps: 10 });
    expect(eta.observe(10_000, 10_000, 1_100)).toBe(0);
    expect(eta.observe(5, 10_000, 1_200)).toBeNull();
    expect(eta.observe(100, 10_000, 1_300)).toBeNull();
  });

  test('no progress at all gives no estimate rather than an infinite one', () => {
    const eta = new EtaEstimator({ minItems: 0, minMs: 0 });
    expect(eta.observe(0, 100, 0)).toBeNull();
    expect(eta.observe(0, 100, 1_000)).toBeNull();
  });
});

describe('formatIndexProgress', () => {
  test('counts with thousands separators, and the ETA once there is one', () => {
    expect(formatIndexProgress(31_200, 50_000, null)).toBe('Indexing 31,200 / 50,000');
    expect(formatIndexProgress(31_200, 50_000, 12_400)).toBe('Indexing 31,200 / 50,000 · about 12 s left');
    expect(formatIndexProgress(50_000, 50_000, 0)).toBe('Indexing 50,000 / 50,000');
  });

  test('time left in seconds, minutes or hours, never "0 s"', () => {
    expect(formatTimeLeft(200)).toBe('about 1 s left');
    expect(formatTimeLeft(59_000)).toBe('about 59 s left');
    expect(formatTimeLeft(75_000)).toBe('about 75 s left');
    expect(formatTimeLeft(150_000)).toBe('about 3 min left');
    expect(formatTimeLeft(3 * 3_600_000)).toBe('about 3 h left');
  });
});
