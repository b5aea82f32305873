/**
 * Shared collators for sorting names and paths. String.prototype.localeCompare builds a collator
 * on every call when given options (and looks one up even without), which made sorting a big
 * vault's file list and folder tree slow (docs/benchmarks.md); each gives the same order as the
 * localeCompare call it replaces, with the collator built once.
 */

/** a.localeCompare(b): the default locale's order. */
export const compareText: (a: string, b: string) => number = new Intl.Collator().compare;

/** a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }): "Note 2" before "Note 10", case ignored. */
export const compareNames: (a: string, b: string) => number = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

/** a.localeCompare(b, undefined, { sensitivity: 'base' }): case and accents ignored. */
export const compareBase: (a: string, b: string) => number = new Intl.Collator(undefined, { sensitivity: 'base' }).compare;
