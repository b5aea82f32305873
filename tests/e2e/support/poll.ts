import { existsSync, readFileSync } from 'node:fs';

/** Re-evaluates `read` until `accept` holds or the timeout passes; returns the last value either way. */
export async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}

/** The file's text, or null while it does not exist. */
export function readFileOrNull(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/**
 * Polls a file on disk until `accept` holds for its text (null while the file does not exist);
 * throws, saying what never happened and what the file holds, when it does not within the timeout.
 */
export async function pollFile(path: string, accept: (text: string | null) => boolean, what: string, timeoutMs = 15_000): Promise<string | null> {
  const text = await pollUntil(async () => readFileOrNull(path), accept, timeoutMs);
  if (!accept(text)) throw new Error(`${path} on disk never ${what}; it holds:\n${text}`);
  return text;
}

/** pollFile for a file that must exist: `accept` sees only its text. */
export async function pollFileText(path: string, accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const text = await pollFile(path, (t) => t !== null && accept(t), what, timeoutMs);
  return text ?? '';
}
