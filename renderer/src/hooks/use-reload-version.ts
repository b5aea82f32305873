/** A version number the views re-read their data on: bumped at once, or coalesced after a burst of events. */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Coalesces bursts of events (a save touches files, graph and content) into one re-read, well inside 300 ms. */
export const RELOAD_COALESCE_MS = 60;

/** `onScheduledFire`: called as a scheduled re-read's version is bumped (the re-read starts then). */
export function useReloadVersion(onScheduledFire?: () => void) {
  const [version, setVersion] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onFire = useRef(onScheduledFire);
  onFire.current = onScheduledFire;
  const schedule = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      onFire.current?.();
      setVersion((v) => v + 1);
    }, RELOAD_COALESCE_MS);
  }, []);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { version, schedule, bump };
}
