/** The open vault's info and its index status, read on start and again (fresh) after a reconnect. */
import { useCallback, useEffect, useState } from 'react';
import type { IndexStatus, PlexusApi, VaultInfo } from '../../../main/contract/api-contract';

export function useVaultInfo(api: PlexusApi, reportError: (message: string) => void) {
  const [vault, setVault] = useState<VaultInfo | null>(null);
  const [status, setStatus] = useState<IndexStatus | null>(null);
  /** `fresh`: take the status from the answer even when events already set one (they may have been missed). */
  const load = useCallback(
    (fresh: boolean) => {
      api.getVaultInfo().then(
        (info) => {
          setVault(info);
          setStatus((s) => (fresh ? info.status : (s ?? info.status)));
        },
        (e: unknown) => reportError(`Could not reach the vault: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    [api, reportError],
  );
  useEffect(() => load(false), [load]);
  return { vault, status, setStatus, load };
}
