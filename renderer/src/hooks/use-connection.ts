/** The browser-mode connection for components: its status (null in the Electron window, which has none) and reconnects. */
import { useEffect, useRef, useState } from 'react';
import type { PlexusApi } from '../../../main/contract/api-contract';
import { connectionOf } from '../api/connection-registry';
import type { ConnectionStatus } from '../api/connection-machine';

export function useConnectionStatus(api: PlexusApi): ConnectionStatus | null {
  const connection = connectionOf(api);
  const [status, setStatus] = useState<ConnectionStatus | null>(() => connection?.state?.status ?? null);
  useEffect(() => {
    if (!connection) return setStatus(null);
    setStatus(connection.state?.status ?? null);
    return connection.subscribe((state) => setStatus(state.status));
  }, [connection]);
  return status;
}

/** Calls the latest `handler` each time the connection is back after a loss. */
export function useOnReconnect(api: PlexusApi, handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  const connection = connectionOf(api);
  useEffect(() => connection?.onReconnect(() => ref.current()), [connection]);
}

/** Asks the connection to try again now (the banner's button). */
export function retryConnection(api: PlexusApi): void {
  connectionOf(api)?.retryNow();
}
