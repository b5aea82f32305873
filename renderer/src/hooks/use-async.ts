/** Runs an async loader when its key changes; keeps the latest result and never reports a stale one. */
import { useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'pending' } | { status: 'done'; value: T } | { status: 'error'; message: string };

export function useAsync<T>(load: (() => Promise<T>) | null, key: string): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'pending' });
  useEffect(() => {
    if (!load) return;
    let live = true;
    setState({ status: 'pending' });
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for everything the loader depends on
  }, [key]);
  return state;
}
