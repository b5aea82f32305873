/** A WebSocket for vault events that reconnects with exponential backoff (0.5 s doubling up to 10 s). */
import type { VaultEvent } from '../../../main/contract/api-contract';

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

export class EventSocket {
  private ws: WebSocket | null = null;
  private delay = MIN_DELAY_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly onEvent: (event: VaultEvent) => void,
    private readonly createSocket: (url: string) => WebSocket = (u) => new WebSocket(u),
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.ws?.close();
    this.ws = null;
  }

  private connect(): void {
    const ws = this.createSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.delay = MIN_DELAY_MS;
    };
    ws.onmessage = (message: MessageEvent) => {
      let event: VaultEvent;
      try {
        event = JSON.parse(String(message.data)) as VaultEvent;
      } catch (error) {
        // A malformed frame is a server bug; report it instead of dropping it silently.
        this.onEvent({ type: 'vault-error', message: `Bad event frame: ${(error as Error).message}` });
        return;
      }
      this.onEvent(event);
    };
    ws.onclose = () => {
      if (this.stopped || this.ws !== ws) return;
      this.ws = null;
      this.timer = setTimeout(() => this.connect(), this.delay);
      this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    };
  }
}
