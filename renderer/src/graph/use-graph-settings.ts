/** Loads graph settings once and saves changes (debounced); failures are shown, not dropped. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { DEFAULT_SETTINGS, parseSettings, serialiseSettings, type GraphSettings } from './graph-settings';
import { createDebouncedSaver } from './position-cache';

export function useGraphSettings(api: PlexusApi, onError: (message: string) => void) {
  const [settings, setSettings] = useState<GraphSettings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const stored = useRef<Record<string, unknown> | null>(null);
  const current = useRef(settings);
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const saver = useRef(
    createDebouncedSaver(
      async () => {
        const next = serialiseSettings(current.current, stored.current);
        const r = await api.saveGraphSettings(next);
        if (!r.ok) throw new Error(r.error.message);
        stored.current = next;
      },
      500,
      (m) => errorRef.current(`Could not save graph settings: ${m}`),
    ),
  );

  useEffect(() => {
    let live = true;
    api.getGraphSettings().then(
      (raw) => {
        if (!live) return;
        stored.current = raw;
        const parsed = parseSettings(raw);
        current.current = parsed;
        setSettings(parsed);
        setLoaded(true);
      },
      (e: unknown) => live && errorRef.current(`Could not load graph settings: ${e instanceof Error ? e.message : String(e)}`),
    );
    const s = saver.current;
    return () => {
      live = false;
      s.flush();
    };
  }, [api]);

  const update = useCallback((change: (s: GraphSettings) => GraphSettings) => {
    const next = change(current.current);
    current.current = next;
    setSettings(next);
    saver.current.schedule();
  }, []);

  return { settings, loaded, update };
}
