/**
 * Where deep links come in: the OS registration of the plexus: scheme, and a queue that holds
 * links until the first vault is open and then carries them out one at a time (a second link
 * waits for the first's vault switch and dialogs).
 */
import path from 'node:path';
import { app } from 'electron';
import { SCHEME } from './app-urls';

/**
 * Asks the OS to hand plexus: links to this app. Packaged builds also declare the scheme in
 * electron-builder.yml (`protocols`: Info.plist on macOS, the .desktop file on Linux); Windows
 * learns it only here. In development (`electron .`) the OS must be told to start Electron with
 * the app folder, as Electron's docs describe.
 */
export function registerProtocolClient(log: (message: string) => void): void {
  const registered =
    process.defaultApp && process.argv.length >= 2
      ? app.setAsDefaultProtocolClient(SCHEME, process.execPath, [path.resolve(process.argv[1])])
      : app.setAsDefaultProtocolClient(SCHEME);
  if (!registered) log(`plexus: could not register as the handler of ${SCHEME}: links`);
}

export class LinkInbox {
  private started = false;
  private readonly waiting: string[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly open: (url: string) => Promise<void>,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  receive(url: string): void {
    if (!this.started) {
      this.waiting.push(url);
      return;
    }
    this.chain = this.chain.then(() => this.open(url)).catch((error: unknown) => this.log(`plexus: opening ${url.slice(0, 200)} failed`, error));
  }

  /** The app is ready for links (a vault is open): carry out those that came early, in order. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const url of this.waiting.splice(0)) this.receive(url);
  }

  /** Resolves once every link received so far has been carried out. */
  idle(): Promise<void> {
    return this.chain;
  }
}
