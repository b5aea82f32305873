/**
 * The banner shown while browser mode has lost its server. It cannot be dismissed: it goes by
 * itself when the connection is back. It says what happened, that typed text is safe, and, after
 * a restart of `plexus serve` (whose session secret is new), what the user has to do.
 */
import type { ConnectionStatus } from '../api/connection-machine';

export const CONNECTION_LOST_TEXT = 'Connection to Plexus lost — reconnecting… Your text stays in the editor and is saved once Plexus is back.';
export const SIGNED_OUT_TEXT =
  'Plexus was restarted: open the new link printed in the terminal (in a new tab) to sign in again. This tab keeps your text and reconnects by itself once you have.';

export function ConnectionBanner({ status, onRetry }: { status: ConnectionStatus | null; onRetry(): void }) {
  if (status !== 'offline' && status !== 'signed-out') return null;
  return (
    <div className="banner banner-error connection-banner" role="alert" data-connection={status}>
      <span>{status === 'offline' ? CONNECTION_LOST_TEXT : SIGNED_OUT_TEXT}</span>
      <button type="button" className="banner-action" onClick={onRetry}>
        Retry now
      </button>
    </div>
  );
}
