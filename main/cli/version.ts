/**
 * `plexus --version`: the version in the checkout's package.json. Read from disk rather than
 * imported, so the CLI reports the package it runs from. `__dirname/../..` is the checkout both
 * from these sources (main/cli, in tests) and from the bundle the command runs (dist/cli).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE_JSON = path.join(__dirname, '..', '..', 'package.json');

export function packageVersion(file: string = PACKAGE_JSON): string {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  // A package.json without a version is a broken checkout, not a user error.
  if (typeof parsed.version !== 'string' || parsed.version === '') throw new Error(`${file} has no version`);
  return parsed.version;
}
