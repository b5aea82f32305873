/** The graph settings' "Animate" as a hook: reads the creation times, runs graph-animate.ts, and a second press stops it. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import type { GraphController } from './graph-controller';
import { animateGraph, type GraphAnimation } from './graph-animate';

export function useGraphAnimation(api: PlexusApi, ctl: RefObject<GraphController | null>, setError: (message: string) => void) {
  const animation = useRef<GraphAnimation | null>(null);
  const [animating, setAnimating] = useState(false);
  // The view going away ends a run (its nodes are shown again if the graph is kept).
  useEffect(() => () => animation.current?.stop(), []);
  const toggleAnimation = useCallback(async () => {
    if (animation.current) return animation.current.stop();
    setAnimating(true);
    let times: Record<string, number>;
    try {
      times = await api.getCreationTimes();
    } catch (e) {
      setAnimating(false);
      return setError(`Could not read the notes' creation times: ${e instanceof Error ? e.message : String(e)}`);
    }
    const c = ctl.current;
    if (!c) return setAnimating(false);
    // The animation hides every element first: the links of a big load still going in too (edge-fill.ts).
    c.links.complete();
    const run = animateGraph(c.cy, times);
    animation.current = run;
    await run.done;
    if (animation.current === run) animation.current = null;
    setAnimating(false);
  }, [api, ctl, setError]);
  return { animating, toggleAnimation };
}
