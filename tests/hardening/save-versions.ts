/** Deterministic note versions of varying size (up to ~64 KB), so a torn write is detectable. */
export function versionText(k: number): string {
  const size = (k * 7919) % 65_536;
  const line = `v${k} ${'abcdefghijklmnopqrstuvwxyz'.repeat(2)}\n`;
  return `version ${k}\n${line.repeat(Math.ceil(size / line.length)).slice(0, size)}end ${k}\n`;
}

/** The version number a complete file holds, or null when the bytes are not exactly one version. */
export function versionOf(text: string): number | null {
  const m = /^version (\d+)\n/.exec(text);
  if (!m) return null;
  const k = Number(m[1]);
  return text === versionText(k) ? k : null;
}
