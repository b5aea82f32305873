/**
 * Task-list checkboxes in the reading view. Clickable only where a view is given a note to write
 * to (the note pane, not embeds or previews, and never in read-only mode); a click writes the
 * toggled line through writeNote with the hash of the text that was rendered, the editor's
 * conflict-safe path: if the note changed on disk meanwhile, nothing is written and the user is
 * told why. Until the view re-renders, later clicks build on the text just written.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ComponentProps } from 'react';
import { setTaskOnLine } from '../markdown/task-lines';
import { useAppActions } from './note-context';
import type { VaultPath } from '../../../main/core/types';

export interface TaskTarget {
  path: VaultPath;
  /** The text the view renders and its hash on disk. */
  markdown: string;
  hash: string;
}

interface TaskWriter {
  /** True when written. */
  toggle(line: number, checked: boolean): Promise<boolean>;
}

export const TaskWriterContext = createContext<TaskWriter | null>(null);

export function useTaskWriter(target: TaskTarget | null): TaskWriter | null {
  const { api, reportError } = useAppActions();
  // The last text written from this view, so a second click before the reload does not conflict with the first.
  const [written, setWritten] = useState<{ base: string; markdown: string; hash: string } | null>(null);
  const path = target?.path ?? null;
  const hash = target?.hash ?? null;
  const markdown = target?.markdown ?? null;
  // One writer while nothing it writes with changes: it is a context value, and a new one each
  // render made React search every drawn element of a long note for its readers on every commit.
  return useMemo(() => {
    if (path === null || hash === null || markdown === null) return null;
    const current = written && written.base === hash ? written : { base: hash, markdown, hash };
    return {
      async toggle(line: number, checked: boolean) {
        const next = setTaskOnLine(current.markdown, line, checked);
        if (next === null) {
          reportError(`Could not change the task on line ${line} of ${path}: that line is not a task.`);
          return false;
        }
        let result: Awaited<ReturnType<typeof api.writeNote>>;
        try {
          result = await api.writeNote(path, next, current.hash);
        } catch (error) {
          reportError(`Could not change the task in ${path}: ${String((error as Error)?.message ?? error)}`);
          return false;
        }
        if (result.ok) {
          setWritten({ base: hash, markdown: next, hash: result.value.hash });
          return true;
        }
        if (result.error.code === 'conflict') {
          reportError(`${path} changed on disk since it was shown, so the task was not changed. The note will reload; try again.`);
        } else reportError(`Could not change the task in ${path}: ${result.error.message}`);
        return false;
      },
    };
  }, [api, reportError, path, hash, markdown, written]);
}

export function TaskCheckbox(props: ComponentProps<'input'>) {
  const writer = useContext(TaskWriterContext);
  const line = Number((props as Record<string, unknown>)['data-task-line']);
  const [pending, setPending] = useState<boolean | null>(null);
  const checked = pending ?? !!props.checked;
  // The written state shows until the reloaded note renders it (or a failure puts it back).
  useEffect(() => setPending(null), [props.checked, line]);
  const label = checked ? 'Done' : 'Not done';
  if (props.type !== 'checkbox' || !writer || !Number.isInteger(line) || line < 1) {
    return <input type={props.type} checked={!!props.checked} disabled readOnly aria-label={label} />;
  }
  const onChange = () => {
    const want = !checked;
    setPending(want);
    void writer.toggle(line, want).then((written) => !written && setPending(null));
  };
  return <input type="checkbox" className="task-checkbox" checked={checked} onChange={onChange} aria-label={label} data-task-line={line} />;
}
