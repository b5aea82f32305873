/**
 * A small, strict argument parser: positional arguments plus `--flag` and `--option value`
 * (or `--option=value`). Unknown options are errors, so a typo never silently changes a run.
 */
import { err, ok, type Result } from '../core/result';

export interface OptionSpec {
  /** 'flag' takes no value; 'string'/'number' take one. */
  type: 'flag' | 'string' | 'number';
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | number | boolean>;
}

/** The arguments, or what is wrong with them. */
export function parseArgs(argv: readonly string[], specs: Record<string, OptionSpec>): Result<ParsedArgs, string> {
  const positionals: string[] = [];
  const options: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = specs[name];
    if (!spec) return err(`unknown option --${name}`);
    if (spec.type === 'flag') {
      if (eq !== -1) return err(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    let raw: string | undefined;
    if (eq !== -1) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      i++;
    }
    if (raw === undefined) return err(`--${name} needs a value`);
    if (spec.type === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) return err(`--${name} needs a non-negative number, got '${raw}'`);
      options[name] = value;
    } else options[name] = raw;
  }
  return ok({ positionals, options });
}
