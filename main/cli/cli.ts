/**
 * `plexus <command>`: a face of the vault core. Every command returns its exit code; nothing
 * here calls process.exit, so commands are testable in-process.
 */
import { parseArgs, type OptionSpec } from './args';
import type { CliIo } from './cli-io';

export type { CliIo } from './cli-io';

export const USAGE = `Usage:
  plexus index <vault> [--json] [--max-file-size MB] [--no-cache] [--workers N] [--parse-budget-ms MS]
  plexus check <vault> [--json] [--max-file-size MB] [--no-cache] [--workers N] [--parse-budget-ms MS]
  plexus serve <vault> [--port N] [--read-only] [--parse-budget-ms MS]
  plexus --version
  plexus help`;

const INDEX_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'flag' },
  'max-file-size': { type: 'number' },
  'no-cache': { type: 'flag' },
  workers: { type: 'number' },
  'parse-budget-ms': { type: 'number' },
};

const SERVE_OPTIONS: Record<string, OptionSpec> = {
  port: { type: 'number' },
  'read-only': { type: 'flag' },
  'max-file-size': { type: 'number' },
  'no-cache': { type: 'flag' },
  workers: { type: 'number' },
  'parse-budget-ms': { type: 'number' },
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const usageError = (message: string) => {
    io.stderr.write(`plexus: ${message}\n${USAGE}\n`);
    return 2;
  };
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    if (rest.length > 0) return usageError(`${command} takes no arguments`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, like the commands below
    io.stdout.write(`${(require('./version') as typeof import('./version')).packageVersion()}\n`);
    return 0;
  }
  if (command !== 'index' && command !== 'check' && command !== 'serve') return usageError(`unknown command '${command}'`);
  const parsed = parseArgs(rest, command === 'serve' ? SERVE_OPTIONS : INDEX_OPTIONS);
  if (!parsed.ok) return usageError(parsed.error);
  const { positionals, options } = parsed.value;
  if (positionals.length !== 1) return usageError(`${command} needs exactly one vault folder`);
  const vault = positionals[0];
  const budget = options['parse-budget-ms'];
  if (budget !== undefined && !(Number(budget) > 0)) return usageError('--parse-budget-ms needs a positive number of milliseconds');
  const common = {
    vault,
    maxFileBytes: options['max-file-size'] === undefined ? undefined : Math.floor(Number(options['max-file-size']) * 1024 * 1024),
    cacheDir: options['no-cache'] ? null : undefined,
    workers: options.workers === undefined ? undefined : Math.floor(Number(options.workers)),
    parseBudgetMs: budget === undefined ? undefined : Number(budget),
  };
  // Commands load on demand: `index` should not pay for the server, nor `serve` for the report code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  if (command === 'index') return (require('./index-command') as typeof import('./index-command')).runIndex({ ...common, json: options.json === true }, io);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  if (command === 'check') return (require('./check-command') as typeof import('./check-command')).runCheck({ ...common, json: options.json === true }, io);
  const port = options.port === undefined ? null : Number(options.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) return usageError(`--port needs a whole number from 0 to 65535`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return (require('./serve-command') as typeof import('./serve-command')).runServe({ ...common, port, readOnly: options['read-only'] === true }, io);
}
