/**
 * Where a CLI command writes, and when `serve` stops. Its own module so that the commands, which
 * cli.ts loads, do not import cli.ts back.
 */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** serve: resolves when the server should stop (default: SIGINT/SIGTERM). */
  stopSignal?: Promise<void>;
}
