/** Resolves a link target from a note via the app's cached resolver. */
import { useEffect, useState } from 'react';
import type { LinkTargetInfo } from '../../../main/contract/api-contract';
import { useAppActions } from '../components/note-context';
import type { VaultPath } from '../../../main/core/types';

export type LinkState = { status: 'pending' } | { status: 'done'; info: LinkTargetInfo } | { status: 'error'; message: string };

export function useLinkTarget(from: VaultPath | null, target: string | null): LinkState {
  const { resolve } = useAppActions();
  const [state, setState] = useState<LinkState>({ status: 'pending' });
  useEffect(() => {
    if (target === null) return;
    let live = true;
    setState({ status: 'pending' });
    resolve(from, target).then(
      (info) => live && setState({ status: 'done', info }),
      (error: unknown) => live && setState({ status: 'error', message: String((error as Error)?.message ?? error) }),
    );
    return () => {
      live = false;
    };
  }, [resolve, from, target]);
  return state;
}
