/**
 * The token in the URL `plexus serve` prints works once. That URL stays in the browser's
 * history, the terminal's scrollback and wherever it was pasted; if it stayed valid, anyone who
 * later read it would get in. The first GET exchanges it for the session cookie (a different
 * secret, HttpOnly, never shown); after that the link only says it was used.
 */
import { tokenMatches } from './security';

export type Redeemed = 'fresh' | 'used' | 'wrong';

export class SignInLink {
  private used = false;

  constructor(readonly token: string) {}

  /** 'fresh' (and spent) the first time the right token is shown; 'used' after; 'wrong' otherwise. */
  redeem(candidate: string): Redeemed {
    if (!tokenMatches(candidate, this.token)) return 'wrong';
    if (this.used) return 'used';
    this.used = true;
    return 'fresh';
  }
}

/** The page a spent link gets: what happened and how to get back in. */
export function usedLinkMessage(port: number): string {
  return [
    'This sign-in link was already used: each link printed by `plexus serve` works once.',
    `In the browser that opened it, the app stays signed in (reloading works): open http://127.0.0.1:${port}/ there.`,
    'For a new link, stop `plexus serve` (Ctrl+C) and start it again.',
  ].join('\n');
}
