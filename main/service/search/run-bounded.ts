/**
 * Runs synchronous code with a time limit. A search may hold a regular expression that
 * backtracks for minutes on one line (`/(a+)+$/`); no check between lines can stop a single
 * `RegExp.test` that never returns, but V8 can: `vm`'s timeout terminates whatever JavaScript is
 * running, regex matching included, and the service carries on. The function must not leave
 * shared state half-updated if it is stopped (search builds only its own result).
 */
import * as vm from 'node:vm';

const context = vm.createContext({ task: null as null | (() => unknown), result: undefined as unknown });
const script = new vm.Script('result = task(); task = null;');

export type Bounded<T> = { ok: true; value: T } | { ok: false; timedOut: true };

export function runBounded<T>(task: () => T, timeoutMs: number): Bounded<T> {
  context.task = task;
  context.result = undefined;
  try {
    script.runInContext(context, { timeout: timeoutMs });
    return { ok: true, value: context.result as T };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { ok: false, timedOut: true };
    throw error;
  } finally {
    context.task = null;
    context.result = undefined;
  }
}
