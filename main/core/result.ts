/**
 * The one shape of an expected failure: a function that can fail in a way its caller must
 * handle returns a Result instead of throwing (invariant violations still throw). The contract's
 * Result is this one with the API's error; elsewhere E says what went wrong in that place.
 */
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
