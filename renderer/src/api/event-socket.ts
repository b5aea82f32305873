/**
 * One WebSocket for vault events: parses each frame and reports open and close. Reconnecting is
 * not done here but by the Connection (connection.ts), which also tells a server that is gone
 * from one that no longer knows this tab.
 */
import type { VaultEvent } from '../../../main/contract/api-contract';
import type { SocketHandle } from './connection';

export function openEventSocket(
  url: string,
  onEvent: (event: VaultEvent) => void,
  handlers: { onOpen(): void; onClose(): void },
  createSocket: (url: string) => WebSocket = (u) => new WebSocket(u),
): SocketHandle {
  const ws = createSocket(url);
  let closed = false;
  const closedOnce = () => {
    if (closed) return;
    closed = true;
    handlers.onClose();
  };
  ws.onopen = () => handlers.onOpen();
  ws.onmessage = (message: MessageEvent) => {
    let event: VaultEvent;
    try {
      event = JSON.parse(String(message.data)) as VaultEvent;
    } catch (error) {
      // A malformed frame is a server bug; report it instead of dropping it silently.
      onEvent({ type: 'vault-error', message: `Bad event frame: ${(error as Error).message}` });
      return;
    }
    onEvent(event);
  };
  // A failed socket fires error then close; either one means the same to us.
  ws.onerror = closedOnce;
  ws.onclose = closedOnce;
  return {
    close() {
      closed = true;
      ws.close();
    },
  };
}
