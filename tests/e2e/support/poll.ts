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
