/**
 * What the app takes from its command line: `--read-only` (the vault service refuses every write,
 * as with `plexus serve --read-only`) and `plexus://open…` deep links. The same parse runs on this
 * process's argv and on the argv a second instance hands over ('second-instance'), where Electron
 * and Chromium may have added switches of their own; those are ignored, as are other arguments.
 */
import { SCHEME } from './app-urls';

export const READ_ONLY_FLAG = '--read-only';

export interface LaunchArgs {
  readOnly: boolean;
  /** Every argument that names the plexus: scheme, in order; parseDeepLink validates each. */
  links: string[];
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const args = argv.slice(1); // argv[0] is the executable
  const prefix = `${SCHEME}:`;
  return {
    readOnly: args.includes(READ_ONLY_FLAG),
    links: args.filter((arg) => arg.toLowerCase().startsWith(prefix)),
  };
}
