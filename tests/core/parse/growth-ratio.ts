/**
 * How a function's running time grows with its input: time at size 4n over time at size n,
 * each the best of several batches of calls (the batch sized so that it takes tens of ms, after
 * a warm-up). Time is this process's CPU time, not wall time, so other processes on a loaded
 * 2-core machine do not decide the answer, and the best of several batches drops GC pauses.
 * No absolute time is asserted anywhere: linear code gives about 4, quadratic 16.
 */

export interface Growth {
  ratio: number;
  /** The sizes' best batch times in ms, for the failure message. */
  times: number[];
}

const BATCH_MS = 10;
const SAMPLES = 5;
/** The middle size only guards against running 4n on exponential code: a few samples do. */
const GUARD_SAMPLES = 2;
const ATTEMPTS = 5;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function batchTime(run: () => void, calls: number): number {
  const started = cpuMs();
  for (let i = 0; i < calls; i++) run();
  return cpuMs() - started;
}

/** Best batch time; gives up early once a batch is far beyond `give up after` (ms). */
function bestTime(run: () => void, calls: number, giveUpAfter: number, samples = SAMPLES): number {
  let best = Infinity;
  for (let s = 0; s < samples; s++) {
    best = Math.min(best, batchTime(run, calls));
    if (best > giveUpAfter) break;
  }
  return best;
}

function measureOnce(run: (input: string) => unknown, small: string, inputs: string[], bound: number): Growth {
  const first = () => void run(small);
  for (let i = 0; i < 5; i++) first();
  let calls = 1;
  while (batchTime(first, calls) < BATCH_MS && calls < 1 << 20) calls *= 2;
  // Warmed up, the same batch may run faster: grow it until its best still fills BATCH_MS.
  let base = bestTime(first, calls, Infinity);
  while (base < BATCH_MS && calls < 1 << 20) {
    calls *= 2;
    base = bestTime(first, calls, Infinity);
  }
  const times = [base];
  for (const [index, input] of inputs.entries()) {
    run(input);
    // Hopelessly slower than linear (20x past the bound): no need for more samples.
    const time = bestTime(() => void run(input), calls, base * bound * 20, index < inputs.length - 1 ? GUARD_SAMPLES : SAMPLES);
    times.push(time);
    // Sizes grow, so once a middle size is past the bound the largest one is too.
    if (time / base > bound) break;
  }
  return { ratio: times[times.length - 1] / base, times };
}

/**
 * Time at `generate(4n)` over time at `generate(n)`, the lowest of a few attempts (noise only
 * ever adds time). `2n` is measured on the way, so super-linear code fails without running 4n.
 */
export function growthRatio(run: (input: string) => unknown, generate: (n: number) => string, n: number, bound = 6): Growth {
  const small = generate(n);
  const inputs = [generate(2 * n), generate(4 * n)];
  let best: Growth | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const growth = measureOnce(run, small, inputs, bound);
    if (!best || growth.ratio < best.ratio) best = growth;
    if (best.ratio <= bound) break;
  }
  return best!;
}
