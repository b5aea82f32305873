/**
 * `value` without a trailing run of one character. A loop rather than `replace(/\/+$/, '')`:
 * that regex retries from every character of an inner run, so `#a` + 50k `/` + `b` took seconds.
 */
export function withoutTrailing(value: string, code: number): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === code) end--;
  return end === value.length ? value : value.slice(0, end);
}
