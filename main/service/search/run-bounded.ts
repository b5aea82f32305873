/**
 * Runs synchronous code with a time limit. A search may hold a regular expression that
 * backtracks for minutes on one line (`/(a+)+$/`); no check between lines can stop a single
 * `RegExp.test` that never returns, but V8 can: `vm`'s timeout terminates whatever JavaScript is
 * running, regex matching included, and the service carries on. The function must not leave
 * shared state half-updated if it is stopped (search builds only its own result).
 */
import * as vm from 'node:vm';
import { err, ok, type Result } from '../../core/result';

const context = vm.createContext({ task: null as null | (() => unknown), result: undefined as unknown });
const script = new vm.Script('result = task(); task = null;');

/** The task's value, or 'timed-out' when it ran past `timeoutMs` and was stopped. */
export function runBounded<T>(task: () => T, timeoutMs: number): Result<T, 'timed-out'> {
  context.task = task;
  context.result = undefined;
  try {
    script.runInContext(context, { timeout: timeoutMs });
    return ok(context.result as T);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return err('timed-out');
    throw error;
  } finally {
    context.task = null;
    context.result = undefined;
  }
}
