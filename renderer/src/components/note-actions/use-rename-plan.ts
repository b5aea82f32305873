/** Asks the service which notes a rename would rewrite, a moment after the user stops typing. */
import { useEffect, useState } from 'react';
import type { PlexusApi, RenamePlan } from '../../../../main/contract/api-contract';
import type { VaultPath } from '../../../../main/core/types';

export type PlanState = { status: 'idle' } | { status: 'pending' } | { status: 'done'; plan: RenamePlan } | { status: 'error'; message: string };

const PLAN_DEBOUNCE_MS = 200;

export function useRenamePlan(api: PlexusApi, from: VaultPath, to: VaultPath | null): PlanState {
  const [state, setState] = useState<PlanState>({ status: 'idle' });
  useEffect(() => {
    if (to === null) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'pending' });
    const timer = setTimeout(() => {
      api.planRename(from, to).then(
        (r) => live && setState(r.ok ? { status: 'done', plan: r.value } : { status: 'error', message: r.error.message }),
        (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    }, PLAN_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, from, to]);
  return state;
}
