/** `into.push(...items)` without spreading: a 5 MB region can hold more links than a call has arguments. */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
