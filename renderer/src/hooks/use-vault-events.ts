/** Subscribes to the API's vault events for the component's lifetime, always calling the latest handler. */
import { useEffect, useRef } from 'react';
import type { PlexusApi, VaultEvent } from '../../../main/contract/api-contract';

export function useVaultEvents(api: PlexusApi, handler: (event: VaultEvent) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => api.onEvent((event) => ref.current(event)), [api]);
}
